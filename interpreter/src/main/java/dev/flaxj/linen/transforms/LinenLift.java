package dev.flaxj.linen.transforms;

import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.errors.PyNotImplementedError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.errors.TransformedMethodReturnValueError;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.linen.Variable;
import dev.flaxj.tree.Children;
import dev.flaxj.tree.NodeRegistry;
import dev.flaxj.tree.NodeType;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lifting mechanism of {@code flax/linen/transforms.py}: runs module methods through a core
 * lift of a scope tree. The scopes lifted are those of the bound modules and variables among the
 * arguments (in argument order; each once), then those of bound modules from elsewhere held in
 * the module's fields ({@link FieldRefs}), then the module's own scope; inside, a copy of the
 * module is bound directly to its inner scope, and the arguments and those fields get copies
 * bound to theirs.
 */
public final class LinenLift {
  /** A bound module or variable argument replaced by its slot in the scope list: a pytree node with no leaves. */
  record Slot(int index) {}

  static {
    NodeRegistry.register(NodeType.of(Slot.class, s -> Children.of(s.index(), List.of()),
        (meta, children) -> new Slot((Integer) meta)));
  }

  private LinenLift() {}

  /** How the lifted body runs on the module copy. */
  enum Body {
    /** The body is the module's {@code call} (class form): it wraps itself. */
    CALL,
    /** A compact method (method form): names and reservations reset when it returns. */
    COMPACT,
    /** A function of a module (function and call-style forms): names continue afterwards. */
    FUNCTION
  }

  /**
   * Runs {@code bodies} (one per function the core lift takes) on copies of {@code prototype}
   * bound to the inner scopes of {@code owner}'s scope tree, through {@code coreLift}.
   *
   * @param methodName the name reported by TransformedMethodReturnValueError
   * @param owner the bound module whose scope (and auto-name counters) are lifted
   * @param prototype the module copied into the transform (the owner, or a class form's target)
   * @param multiScope false: the core lift takes a single scope, and module arguments are refused
   */
  static Object run(String methodName, Function<List<ScopeTreeFunction>, ScopeTreeFunction> coreLift,
      List<ModuleMethod> bodies, Body kind, Module owner, Module prototype, boolean multiScope, Object[] args) {
    if (owner.scope() == null) {
      throw new IllegalStateException("Can't call a transformed method of the unbound module "
          + owner.getClass().getSimpleName() + ": use init, apply or bind");
    }
    Map<String, Integer> naming = owner.namingState();
    List<Object> refs = new ArrayList<>();
    List<Scope> scopes = new ArrayList<>();
    Map<Object, Slot> seen = new IdentityHashMap<>();
    Object[] packedArgs = (Object[]) replaceRefs(args, refs, scopes, seen);
    List<FieldRefs.Ref> fieldRefs = FieldRefs.collect(prototype, owner.scope());
    List<Slot> fieldSlots = new ArrayList<>();
    for (FieldRefs.Ref ref : fieldRefs) {
      fieldSlots.add((Slot) replaceRefs(ref.module(), refs, scopes, seen));
    }
    scopes.add(owner.scope());
    List<ScopeTreeFunction> coreFns = new ArrayList<>();
    for (ModuleMethod body : bodies) {
      coreFns.add((scopeTree, a) -> {
        List<?> inner = multiScope ? (List<?>) scopeTree : List.of(scopeTree);
        Object[] innerArgs = (Object[]) restoreRefs(a, refs, inner);
        Module copy = prototype.reboundTo((Scope) inner.get(inner.size() - 1));
        for (int i = 0; i < fieldRefs.size(); i++) {
          FieldRefs.set(fieldRefs.get(i), copy, (Module) restoreRefs(fieldSlots.get(i), refs, inner));
        }
        copy.restoreNaming(naming);
        Object y = switch (kind) {
          case CALL -> body.call(copy, innerArgs);
          case COMPACT -> copy.invoke(body, innerArgs);
          case FUNCTION -> copy.invokeNonCompact(body, innerArgs);
        };
        owner.restoreNaming(copy.namingState());
        checkReturnValue(y, methodName);
        return y;
      });
    }
    ScopeTreeFunction lifted = coreLift.apply(coreFns);
    if (!multiScope) {
      if (scopes.size() != 1) {
        throw new PyNotImplementedError(
            "This transform does not yet support Modules that include other Modules passed as arguments.");
      }
      return lifted.apply(scopes.get(0), packedArgs);
    }
    return lifted.apply(new ArrayList<>(scopes), packedArgs);
  }

  /**
   * Flax's {@code lift_direct_transform}: {@code transform(fns..., mdl, *args)} for the call-style
   * transforms (cond, switch, while_loop, jvp, vjp, value_and_grad). {@code coreLift} receives the
   * lifted functions, one per element of {@code fns}, in order.
   */
  public static Object direct(String name, Function<List<ScopeTreeFunction>, ScopeTreeFunction> coreLift,
      List<ModuleMethod> fns, Module mdl, boolean multiScope, Object... args) {
    for (ModuleMethod fn : fns) {
      if (fn == null) {
        throw new PyValueError("transform target must be callable");
      }
    }
    return run(name, coreLift, fns, Body.FUNCTION, mdl, mdl, multiScope, args);
  }

  /** Flax's {@code _test_transformed_return_values}: no Module or Variable may leave a transform. */
  static void checkReturnValue(Object tree, String methodName) {
    for (Object leaf : Trees.leaves(tree)) {
      if (leaf instanceof Module || leaf instanceof Variable) {
        throw new TransformedMethodReturnValueError(methodName);
      }
    }
  }

  private static Object replaceRefs(Object x, List<Object> refs, List<Scope> scopes, Map<Object, Slot> seen) {
    if (x instanceof Object[] array) {
      Object[] out = new Object[array.length];
      for (int i = 0; i < array.length; i++) {
        out[i] = replaceRefs(array[i], refs, scopes, seen);
      }
      return out;
    }
    if (x instanceof Tuple t) {
      return new Tuple((List<Object>) replaceRefs(t.items(), refs, scopes, seen));
    }
    if (x instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(replaceRefs(v, refs, scopes, seen)));
      return out;
    }
    if (x instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, replaceRefs(v, refs, scopes, seen)));
      return out;
    }
    Scope s = x instanceof Module m ? m.scope() : x instanceof Variable v ? v.scope() : null;
    if (s == null) {
      return x;
    }
    return seen.computeIfAbsent(x, k -> {
      refs.add(k);
      scopes.add(s);
      return new Slot(refs.size() - 1);
    });
  }

  private static Object restoreRefs(Object x, List<Object> refs, List<?> inner) {
    if (x instanceof Object[] array) {
      Object[] out = new Object[array.length];
      for (int i = 0; i < array.length; i++) {
        out[i] = restoreRefs(array[i], refs, inner);
      }
      return out;
    }
    if (x instanceof Slot slot) {
      Scope s = (Scope) inner.get(slot.index());
      Object ref = refs.get(slot.index());
      return ref instanceof Module m ? m.reboundTo(s) : ((Variable) ref).reboundTo(s);
    }
    if (x instanceof Tuple t) {
      return new Tuple((List<Object>) restoreRefs(t.items(), refs, inner));
    }
    if (x instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(restoreRefs(v, refs, inner)));
      return out;
    }
    if (x instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, restoreRefs(v, refs, inner)));
      return out;
    }
    return x;
  }
}
