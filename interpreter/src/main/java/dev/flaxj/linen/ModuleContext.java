package dev.flaxj.linen;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The modules whose methods (or {@code setup}) are running on this thread, innermost last: a module
 * constructed while one runs becomes its child, as in Flax's module stack.
 */
final class ModuleContext {
  private static final ThreadLocal<Deque<Module>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

  private ModuleContext() {}

  /** The innermost running module, or null outside any module method. */
  static Module current() {
    return STACK.get().peek();
  }

  static void push(Module m) {
    STACK.get().push(m);
  }

  static void pop() {
    STACK.get().pop();
  }
}
