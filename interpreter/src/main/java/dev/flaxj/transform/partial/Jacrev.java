package dev.flaxj.transform.partial;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jax.jacrev}: the Jacobian by reverse mode. The function is linearized once and its
 * transpose pulled back along each standard basis vector of the output in turn (a loop over
 * basis cotangents rather than {@code vmap}); the rows are stacked per (output leaf, argument
 * leaf) pair into arrays of shape {@code out.shape + in.shape} in the argument's dtype. The
 * result has the output's structure with, at each leaf, the differentiated argument's structure
 * (a tuple of them for several argnums). JAX's keyword arguments are builder methods.
 */
public final class Jacrev implements TreeFunction {
  private final TreeFunction f;
  private final Argnums argnums;
  private final boolean hasAux;
  private final boolean allowInt;

  private Jacrev(TreeFunction f, Argnums argnums, boolean hasAux, boolean allowInt) {
    this.f = f;
    this.argnums = argnums;
    this.hasAux = hasAux;
    this.allowInt = allowInt;
  }

  /** {@code jax.jacrev(f)}: with respect to the first argument. */
  public static Jacrev jacrev(TreeFunction f) {
    return new Jacrev(f, Argnums.of(0), false, false);
  }

  public Jacrev argnums(int argnum) {
    return new Jacrev(f, Argnums.of(argnum), hasAux, allowInt);
  }

  /** {@code argnums=(...)}: each output leaf gets a tuple, one Jacobian per listed argument. */
  public Jacrev argnums(int... argnums) {
    return new Jacrev(f, Argnums.of(argnums), hasAux, allowInt);
  }

  /** {@code has_aux}: the function returns {@code (output, aux)}; the result is {@code (jac, aux)}. */
  public Jacrev hasAux(boolean hasAux) {
    return new Jacrev(f, argnums, hasAux, allowInt);
  }

  public Jacrev allowInt(boolean allowInt) {
    return new Jacrev(f, argnums, hasAux, allowInt);
  }

  @Override
  public Object apply(Object... args) {
    Object dyn = argnums.dynamic(args);
    TreeDef dynTree = Trees.structure(dyn);
    for (Object leaf : Trees.leaves(dyn)) {
      Grad.checkInput("jacrev", FlatFunction.asValue(leaf).dtype(), allowInt);
    }
    Traced t = Traced.of(argnums.partial(f, args), new Object[] {dyn}, hasAux);
    List<Value> outs = t.outputs;
    int[] offsets = new int[outs.size() + 1];
    for (int k = 0; k < outs.size(); k++) {
      DType d = outs.get(k).dtype();
      if (!d.isFloating()) {
        throw new JaxTypeError("jacrev requires real-valued outputs (output dtype "
            + "that is a sub-dtype of np.floating), but got " + d + ". For differentiation of "
            + "functions with integer outputs, use jax.vjp directly.");
      }
      offsets[k + 1] = offsets[k] + outs.get(k).shape().size();
    }
    List<List<Value>> rows = new ArrayList<>(offsets[outs.size()]);
    for (int i = 0; i < offsets[outs.size()]; i++) {
      rows.add(t.lin.vjp(basis(outs, offsets, i)));
    }
    List<ShapedArray> ins = t.lin.inAvals();
    List<Object> jacLeaves = new ArrayList<>(outs.size());
    for (int k = 0; k < outs.size(); k++) {
      List<Value> blocks = new ArrayList<>(ins.size());
      for (int j = 0; j < ins.size(); j++) {
        blocks.add(block(outs.get(k).aval(), ins.get(j), rows, j, offsets[k], offsets[k + 1]));
      }
      jacLeaves.add(dynTree.unflatten(blocks));
    }
    Object jac = t.outTree.unflatten(jacLeaves);
    return hasAux ? Tuple.of(jac, t.aux) : jac;
  }

  /** Cotangent basis vector {@code i} of the flattened outputs, one concrete array per output. */
  private static List<Value> basis(List<Value> outs, int[] offsets, int i) {
    List<Value> cts = new ArrayList<>(outs.size());
    for (int k = 0; k < outs.size(); k++) {
      ShapedArray aval = Linearization.tangentAval(outs.get(k).aval());
      Object storage = Array.allocate(aval);
      if (i >= offsets[k] && i < offsets[k + 1]) {
        if (aval.dtype() == DType.FLOAT32) {
          ((float[]) storage)[i - offsets[k]] = 1;
        } else {
          ((double[]) storage)[i - offsets[k]] = 1;
        }
      }
      cts.add(Array.wrap(aval, storage));
    }
    return cts;
  }

  /** Rows {@code from <= i < to} of argument leaf {@code j}, as one {@code out + in} block. */
  private static Value block(ShapedArray out, ShapedArray in, List<List<Value>> rows, int j,
      int from, int to) {
    int[] dims = concat(out.shape().dims(), in.shape().dims());
    ShapedArray aval = new ShapedArray(Shape.of(dims), in.dtype(), in.weakType());
    if (!Linearization.differentiable(in)) {
      return Zero.of(aval);
    }
    if (from == to) {
      return LinearArgs.zeros(aval);
    }
    int[] rowShape = concat(new int[] {1}, in.shape().dims());
    List<Value> stacked = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      stacked.add(Lax.reshape(rows.get(i).get(j), rowShape));
    }
    Value jac = Lax.reshape(Lax.concatenate(stacked, 0), dims);
    return Lax.convertElementType(jac, in.dtype(), in.weakType());
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
