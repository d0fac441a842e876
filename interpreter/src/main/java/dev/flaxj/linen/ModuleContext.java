package dev.flaxj.linen;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The modules whose methods (or {@code setup}) are running on this thread, innermost last: a module
 * constructed while one runs becomes its child, as in Flax's module stack. A null entry (pushed by
 * {@link Module#detached}) hides the modules below it.
 */
final class ModuleContext {
  private static final Object DETACHED = new Object();
  private static final ThreadLocal<Deque<Object>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

  private ModuleContext() {}

  /** The innermost running module, or null outside any module method. */
  static Module current() {
    Object m = STACK.get().peek();
    return m instanceof Module module ? module : null;
  }

  /** Makes {@code m} the running module; null for none (a detached construction). */
  static void push(Module m) {
    STACK.get().push(m == null ? DETACHED : m);
  }

  static void pop() {
    STACK.get().pop();
  }
}
