package dev.flaxj.core;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.remat.RematPrimitive;
import dev.flaxj.transform.staging.Pjit;
import dev.flaxj.transform.staging.Staging;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code flax.core.axes_scan.scan}: {@code lax.scan} with vmap-style {@code in_axes} and
 * {@code out_axes} (an axis, or {@link #BROADCAST} for a value that is the same in every step).
 * The body is {@code (broadcastIn, carry, args...) -> Tuple(broadcastOut, carry, ys)}.
 *
 * <p>With {@code checkConstancyInvariants} (Flax's default) the body is traced twice, as Flax
 * does: first staged with the carry and the scanned slices unknown, to compute {@code
 * broadcastOut} and the broadcast outputs, which must not depend on them (they become the
 * broadcast input of the loop); then by {@code lax.scan}. Flax gets the constants by JAX's
 * partial evaluation; here the staged jaxpr's equations that do not depend on its inputs are
 * evaluated, which gives the same values.
 */
final class AxesScan {
  /** The axis of a value that is not scanned over: the same in every step. */
  static final Object BROADCAST = new Object() {
    @Override
    public String toString() {
      return "broadcast";
    }
  };

  /** The scan body. */
  @FunctionalInterface
  interface Body {
    Tuple call(Object broadcastIn, Object carry, Object[] args);
  }

  private AxesScan() {}

  /** Runs the scan; returns {@code Tuple(broadcastOut, carry, ys)}. */
  @SuppressWarnings("unchecked")
  static Tuple scan(Body fn, Object inAxes, Object outAxes, Integer length, boolean reverse, Object unroll,
      boolean checkConstancyInvariants, Object broadcastIn, Object init, Object[] args) {
    Tuple argTree = Tuple.of(args);
    List<Object> axes = Trees.broadcastPrefix(inAxes, argTree);
    Flattened flatArgs = Trees.flatten(argTree);
    List<Value> xs = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      if (axes.get(i) != BROADCAST) {
        xs.add(Jnp.moveaxis((Value) flatArgs.leaves().get(i), (Integer) axes.get(i), 0));
      }
    }
    Step step = new Step(fn, axes, flatArgs, outAxes);
    Object bIn = broadcastIn;
    List<Object> constants = null;
    if (checkConstancyInvariants) {
      Tuple known = step.constants(broadcastIn, init, xs);
      bIn = known.get(0);
      constants = (List<Object>) known.get(1);
    } else if (Trees.leaves(outAxes).contains(BROADCAST)) {
      throw new PyValueError("nn.scan run with check_constancy_invariants=False does not support "
          + "broadcast non-carry function outputs.  out_axes was given as " + outAxes);
    }
    Object loopBroadcast = bIn;
    Tuple out = ControlFlow.scan(a -> step.scanned(loopBroadcast, a[0], (List<?>) a[1]), init, xs, length,
        reverse, unroll);
    List<?> ysScanned = (List<?>) out.get(1);
    List<Object> ysLeaves = new ArrayList<>();
    int k = 0;
    int c = 0;
    for (Object ax : step.yAxes) {
      if (ax == BROADCAST) {
        ysLeaves.add(constants == null ? null : constants.get(c++));
      } else {
        ysLeaves.add(Jnp.moveaxis((Value) ysScanned.get(k++), 0, (Integer) ax));
      }
    }
    return Tuple.of(bIn, out.get(0), step.yTree.unflatten(ysLeaves));
  }

  /** One step of the loop, remembering the structure of its outputs. */
  private static final class Step {
    private final Body fn;
    private final List<Object> axes;
    private final Flattened flatArgs;
    private final Object outAxes;
    private TreeDef yTree;
    private List<Object> yAxes;

    Step(Body fn, List<Object> axes, Flattened flatArgs, Object outAxes) {
      this.fn = fn;
      this.axes = axes;
      this.flatArgs = flatArgs;
      this.outAxes = outAxes;
    }

    /** Calls the body on one step's slices; returns {@code Tuple(broadcastOut, carry, ys)}. */
    private Tuple call(Object broadcastIn, Object carry, List<?> xs) {
      List<Object> leaves = new ArrayList<>();
      int k = 0;
      for (int i = 0; i < axes.size(); i++) {
        leaves.add(axes.get(i) == BROADCAST ? flatArgs.leaves().get(i) : xs.get(k++));
      }
      Tuple args = (Tuple) flatArgs.treedef().unflatten(leaves);
      Tuple out = fn.call(broadcastIn, carry, args.items().toArray());
      Flattened ys = Trees.flatten(out.get(2));
      yTree = ys.treedef();
      yAxes = Trees.broadcastPrefix(outAxes, out.get(2));
      return Tuple.of(out.get(0), out.get(1), ys.leaves());
    }

    /** The loop body as lax.scan takes it: the carry and the scanned outputs. */
    Tuple scanned(Object broadcastIn, Object carry, List<?> xs) {
      Tuple out = call(broadcastIn, carry, xs);
      return Tuple.of(out.get(1), select((List<?>) out.get(2), false));
    }

    /** The y leaves whose out axis is (or is not) broadcast. */
    private List<Object> select(List<?> ys, boolean broadcast) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < ys.size(); i++) {
        if ((yAxes.get(i) == BROADCAST) == broadcast) {
          out.add(ys.get(i));
        }
      }
      return out;
    }

    /**
     * The first ("init mode") trace: {@code Tuple(broadcastOut, broadcast y leaves)}, computed from
     * a staged step whose carry and slices are unknown.
     */
    @SuppressWarnings("unchecked")
    Tuple constants(Object broadcastIn, Object init, List<Value> xs) {
      Flattened in = Trees.flatten(Tuple.of(init, xs));
      List<ShapedArray> avals = new ArrayList<>();
      for (Object leaf : Trees.leaves(init)) {
        avals.add(aval(FlatFunction.asValue(leaf), false));
      }
      for (Value x : xs) {
        avals.add(aval(x, true));
      }
      FlatFunction f = new FlatFunction(a -> {
        Tuple out = call(broadcastIn, a[0], (List<?>) a[1]);
        return Tuple.of(out.get(0), select((List<?>) out.get(2), true));
      }, in.treedef());
      ClosedJaxpr jaxpr = Staging.traceToJaxpr(f, avals);
      List<Value> known = evalKnown(jaxpr);
      return (Tuple) f.outTree().unflatten(new ArrayList<>(known));
    }

    private static ShapedArray aval(Value x, boolean dropLeading) {
      ShapedArray a = x.aval();
      int[] dims = a.shape().dims();
      return dropLeading ? a.withShape(Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length))) : a;
    }
  }

  /**
   * The outputs of a jaxpr that do not depend on its inputs, computed from its constants; an
   * output that depends on an input is Flax's "broadcasted variable has a data dependency" error.
   */
  private static List<Value> evalKnown(ClosedJaxpr closed) {
    List<Value> unknownInputs = new ArrayList<>(Collections.nCopies(closed.jaxpr().invars().size(), null));
    List<Value> result = known(closed.jaxpr(), closed.consts(), unknownInputs);
    if (result.contains(null)) {
      throw new PyValueError("broadcasted variable has a data dependency on the scan body.");
    }
    return result;
  }

  /**
   * Partial evaluation of a jaxpr: the outputs computable from the known inputs (null marks an
   * unknown input or output). As JAX's partial evaluation, it looks inside {@code remat2} and
   * {@code pjit} equations, so values computed under a nested checkpoint or jit (a nested lifted
   * scan's broadcast variables, say) are known when their own inputs are.
   */
  private static List<Value> known(Jaxpr jaxpr, List<Value> consts, List<Value> inputs) {
    Map<Var, Value> env = new IdentityHashMap<>();
    for (int i = 0; i < consts.size(); i++) {
      env.put(jaxpr.constvars().get(i), consts.get(i));
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) != null) {
        env.put(jaxpr.invars().get(i), inputs.get(i));
      }
    }
    for (JaxprEqn eqn : jaxpr.eqns()) {
      List<Value> in = new ArrayList<>();
      eqn.inputs().forEach(a -> in.add(read(env, a)));
      List<Value> outs;
      if (!in.contains(null)) {
        outs = dev.flaxj.lax.Bind.bind(eqn.primitive(), eqn.params(), in.toArray(new Value[0]));
      } else if (eqn.primitive() instanceof RematPrimitive) {
        outs = known((Jaxpr) eqn.params().get("jaxpr"), List.of(), in);
      } else if (eqn.primitive() == Pjit.PJIT) {
        ClosedJaxpr body = (ClosedJaxpr) eqn.params().get("jaxpr");
        outs = known(body.jaxpr(), body.consts(), in);
      } else {
        continue;
      }
      for (int i = 0; i < outs.size(); i++) {
        if (outs.get(i) != null) {
          env.put(eqn.outvars().get(i), outs.get(i));
        }
      }
    }
    List<Value> result = new ArrayList<>();
    for (Atom a : jaxpr.outvars()) {
      result.add(read(env, a));
    }
    return result;
  }

  private static Value read(Map<Var, Value> env, Atom a) {
    return a instanceof dev.flaxj.transform.ir.Literal l ? l.value() : env.get(a);
  }
}
