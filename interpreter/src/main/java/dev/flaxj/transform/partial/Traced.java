package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.Partial;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * A pytree function linearized at pytree primals: the bridge between the pytree API
 * ({@link Vjp}, {@link Linearize}, {@link Grad}, {@link Jacrev}) and the flat
 * {@link Linearization}.
 */
final class Traced {
  final Linearization lin;
  final TreeDef inTree;
  final TreeDef outTree;
  final List<Value> outputs;
  final Object aux;

  private Traced(Linearization lin, TreeDef inTree, TreeDef outTree, List<Value> outputs,
      Object aux) {
    this.lin = lin;
    this.inTree = inTree;
    this.outTree = outTree;
    this.outputs = outputs;
    this.aux = aux;
  }

  /** Linearizes {@code f} at {@code primals} (positional arguments, pytrees). */
  static Traced of(TreeFunction f, Object[] primals, boolean hasAux) {
    Flattened ps = Trees.flatten(Tuple.of(primals));
    List<Value> pv = new ArrayList<>(ps.leaves().size());
    for (Object leaf : ps.leaves()) {
      pv.add(FlatFunction.asValue(leaf));
    }
    AuxCall call = new AuxCall(f, ps.treedef(), hasAux);
    Linearization lin = Linearization.of(call, pv, call::numOutputs);
    int m = call.numOutputs();
    List<Value> all = lin.primalsOut();
    return new Traced(lin, ps.treedef(), call.outTree(), all.subList(0, m),
        call.aux(all.subList(m, all.size())));
  }

  Object primalOut() {
    return outTree.unflatten(outputs);
  }

  /**
   * The VJP function: one cotangent pytree of the output's structure to a tuple per argument. As in
   * JAX it is a pytree ({@link Partial}) whose leaves are the residuals.
   */
  TreeFunction vjpFn() {
    return new Partial(this::pullback, lin.residuals());
  }

  @SuppressWarnings("unchecked")
  private Object pullback(Object... args) {
    if (args.length != 2) {
      throw new JaxTypeError("The function returned by `jax.vjp` applied to "
          + (args.length - 1) + " arguments; it takes exactly one, the cotangent of the output.");
    }
    Linearization at = lin.withResiduals((List<Value>) (List<?>) args[0]);
    Flattened cts = Trees.flatten(args[1]);
    if (!cts.treedef().equals(outTree)) {
      throw new IllegalArgumentException("unexpected tree structure.\n\nThe argument to a VJP "
          + "function returned by `jax.vjp` must match the pytree structure of the "
          + "differentiated function's output " + outTree + ", but got " + cts.treedef() + ".");
    }
    List<Value> values = new ArrayList<>(cts.leaves().size());
    for (int i = 0; i < cts.leaves().size(); i++) {
      Value ct = FlatFunction.asValue(cts.leaves().get(i));
      checkCotangent(ct.aval(), at.outAvals().get(i));
      values.add(ct);
    }
    return inTree.unflatten(at.vjp(values));
  }

  /** The cotangent of a floating output has its shape and dtype (JAX's check and message). */
  private static void checkCotangent(ShapedArray ct, ShapedArray out) {
    boolean ok = ct.shape().equals(out.shape())
        && (!Linearization.differentiable(out) || ct.dtype() == out.dtype());
    if (!ok) {
      throw new IllegalArgumentException("unexpected JAX type (e.g. shape/dtype) for argument "
          + "to VJP function: got " + type(ct) + ", but expected " + type(out) + " because the "
          + "corresponding output of the differentiated function had JAX type " + type(out));
    }
  }

  /** JAX's long form of a type in messages: {@code float32[2,3]}. */
  static String type(ShapedArray a) {
    StringBuilder sb = new StringBuilder(a.dtype().jaxName()).append('[');
    int[] dims = a.shape().dims();
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : ",").append(dims[i]);
    }
    return sb.append(']').toString();
  }

  /** The linearized function: tangents of the primals' structure to the output tangent. */
  TreeFunction jvpFn() {
    return tangents -> {
      Flattened ts = Trees.flatten(Tuple.of(tangents));
      if (!ts.treedef().equals(inTree)) {
        throw new JaxTypeError("expected " + inTree + ", got " + ts.treedef());
      }
      List<Value> values = new ArrayList<>(ts.leaves().size());
      for (int i = 0; i < ts.leaves().size(); i++) {
        Value t = FlatFunction.asValue(ts.leaves().get(i));
        ShapedArray expected = lin.inAvals().get(i);
        boolean ok = t.shape().equals(expected.shape()) && (!Linearization.differentiable(expected)
            || t.dtype() == expected.dtype());
        if (!ok) {
          throw new IllegalArgumentException("linearized function called on tangent values "
              + "inconsistent with the original primal values: got " + type(t.aval())
              + " for primal aval " + type(expected));
        }
        values.add(t);
      }
      return outTree.unflatten(lin.jvp(values));
    };
  }
}
