package dev.flaxj.transform.jvp;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.DiffArgs;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jax.jacfwd}: {@code vmap} of the pushforward over the standard basis of the
 * differentiated arguments (one basis vector per element, as rows of an identity matrix split
 * and reshaped per argument leaf). Each output's tangents come out along a new last axis, which
 * is split per argument leaf, reshaped to {@code out.shape + in.shape} and cast to the output's
 * dtype, as JAX does.
 */
final class Jacfwd {
  private Jacfwd() {}

  static TreeFunction of(TreeFunction f, int[] argnums, boolean single, boolean hasAux) {
    return args -> apply(f, argnums, single, hasAux, args);
  }

  private static Object apply(TreeFunction f, int[] argnums, boolean single, boolean hasAux,
      Object[] args) {
    DiffArgs diff = new DiffArgs(canonical(argnums, args.length), single);
    Object dyn = diff.dynamic(args);
    Flattened dynFlat = Trees.flatten(dyn);
    List<Value> primals = new ArrayList<>();
    for (Object leaf : dynFlat.leaves()) {
      Value v = FlatFunction.asValue(leaf);
      checkInput(v.dtype());
      primals.add(v);
    }
    TreeFunction partial = diff.partial(f, args);
    TreeFunction pushforward = basis -> {
      JvpOutput o = Jvp.jvp(partial, new Object[] {dyn}, new Object[] {basis[0]}, hasAux);
      // an integer output's float0 tangent becomes integer zeros, as JAX's jacfwd returns
      Object tangent = Trees.map(t -> Tangents.instantiate((Value) t), o.tangentOut());
      return hasAux ? Tuple.of(o.primalOut(), tangent, o.aux())
          : Tuple.of(o.primalOut(), tangent);
    };
    Object basis = dynFlat.treedef().unflatten(basis(primals));
    Tuple out = (Tuple) Vmap.vmap(pushforward, 0,
        hasAux ? Tuple.of(null, -1, null) : Tuple.of(null, -1)).apply(basis);
    Object jac = Trees.map((y, t) -> unravel((Value) y, (Value) t, primals, dynFlat),
        out.get(0), out.get(1));
    return hasAux ? Tuple.of(jac, out.get(2)) : jac;
  }

  /**
   * The Jacobian of output leaf {@code y}, stacked along its last axis, as a pytree of the
   * differentiated arguments' structure with blocks {@code out.shape + in.shape}.
   */
  private static Object unravel(Value y, Value stacked, List<Value> primals,
      Flattened dynFlat) {
    int rank = stacked.rank() - 1;
    int[] outDims = Arrays.copyOf(stacked.shape().dims(), rank);
    List<Value> blocks = new ArrayList<>(primals.size());
    int offset = 0;
    for (Value p : primals) {
      int size = p.shape().size();
      int[] start = new int[rank + 1];
      int[] limit = stacked.shape().dims();
      start[rank] = offset;
      limit[rank] = offset + size;
      Value part = Lax.reshape(Lax.slice(stacked, start, limit), concat(outDims,
          p.shape().dims()));
      blocks.add(Lax.convertElementType(part, y.dtype(), y.aval().weakType()));
      offset += size;
    }
    return dynFlat.treedef().unflatten(blocks);
  }

  /** Rows of the identity over all elements, as one {@code (n,) + leaf.shape} array per leaf. */
  private static List<Value> basis(List<Value> primals) {
    int n = 0;
    for (Value p : primals) {
      n += p.shape().size();
    }
    List<Value> out = new ArrayList<>(primals.size());
    int offset = 0;
    for (Value p : primals) {
      int size = p.shape().size();
      ShapedArray aval = new ShapedArray(dev.flaxj.array.Shape.of(concat(new int[] {n},
          p.shape().dims())), p.dtype(), false);
      Object storage = Array.allocate(aval);
      for (int i = 0; i < size; i++) {
        int at = (offset + i) * size + i;
        if (p.dtype() == DType.FLOAT32) {
          ((float[]) storage)[at] = 1;
        } else {
          ((double[]) storage)[at] = 1;
        }
      }
      out.add(Array.wrap(aval, storage));
      offset += size;
    }
    return out;
  }

  private static void checkInput(DType d) {
    if (d == DType.KEY) {
      throw new IllegalArgumentException("jacfwd with input element type " + d);
    }
    if (!d.isFloating()) {
      throw new JaxTypeError("jacfwd requires real-valued inputs (input dtype that "
          + "is a sub-dtype of np.floating), but got " + d + ". For holomorphic differentiation, "
          + "pass holomorphic=True. For differentiation of non-holomorphic functions involving "
          + "complex inputs or integer inputs, use jax.jvp directly.");
    }
  }

  private static int[] canonical(int[] argnums, int count) {
    int[] out = new int[argnums.length];
    for (int i = 0; i < argnums.length; i++) {
      int a = argnums[i];
      if (a < -count || a >= count) {
        throw new IllegalArgumentException("Positional argument indices, e.g. for "
            + "`static_argnums`, must have value greater than or equal to -len(args) and less "
            + "than len(args), but got value " + a + " for len(args) == " + count + ".");
      }
      out[i] = a < 0 ? a + count : a;
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
