package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.KeyPath;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jax.vmap}: a function mapped over an axis of its arguments, evaluated once on the whole
 * batch. Immutable; the builder methods return a configured copy.
 *
 * <pre>{@code
 * Object ys = Vmap.vmap(f).inAxes(Tuple.of(0, null)).outAxes(1).apply(xs, w);
 * }</pre>
 *
 * <p>{@code in_axes} is an Integer (negative counts from the end), null (not mapped) or a
 * {@link Tuple} with one entry per positional argument, each a pytree prefix of that argument
 * (a top-level List counts as a Tuple, as in JAX). {@code out_axes} is such a prefix of the
 * output. Unmapped outputs are broadcast to the axis size unless their out axis is null.
 */
public final class Vmap implements TreeFunction {
  private static final String IN_AXES_FORM = "vmap in_axes must be an int, None, or a tuple of "
      + "entries corresponding to the positional arguments passed to the function, but got ";

  private final TreeFunction fn;
  private final Object inAxes;
  private final Object outAxes;
  private final Integer axisSize;
  private final String axisName;

  private Vmap(TreeFunction fn, Object inAxes, Object outAxes, Integer axisSize,
      String axisName) {
    this.fn = fn;
    this.inAxes = inAxes;
    this.outAxes = outAxes;
    this.axisSize = axisSize;
    this.axisName = axisName;
  }

  /** {@code vmap(fn)}: every argument and output mapped along axis 0. */
  public static Vmap vmap(TreeFunction fn) {
    return new Vmap(fn, 0, 0, null, null);
  }

  public static Vmap vmap(TreeFunction fn, Object inAxes) {
    return vmap(fn).inAxes(inAxes);
  }

  public static Vmap vmap(TreeFunction fn, Object inAxes, Object outAxes) {
    return vmap(fn).inAxes(inAxes).outAxes(outAxes);
  }

  public Vmap inAxes(Object inAxes) {
    Object axes = inAxes instanceof List
        ? new Tuple(new ArrayList<Object>((List<?>) inAxes)) : inAxes;
    if (axes != null && !(axes instanceof Integer) && !(axes instanceof Tuple)) {
      throw new JaxTypeError(IN_AXES_FORM + axes + ".");
    }
    checkLeaves("in_axes", axes);
    return new Vmap(fn, axes, outAxes, axisSize, axisName);
  }

  public Vmap outAxes(Object outAxes) {
    checkLeaves("out_axes", outAxes);
    return new Vmap(fn, inAxes, outAxes, axisSize, axisName);
  }

  /** The axis size, needed when no argument is mapped; null to infer it. */
  public Vmap axisSize(Integer axisSize) {
    return new Vmap(fn, inAxes, outAxes, axisSize, axisName);
  }

  /** The name collectives ({@code Lax.psum(x, name)}, ...) use for this axis; null for none. */
  public Vmap axisName(String axisName) {
    return new Vmap(fn, inAxes, outAxes, axisSize, axisName);
  }

  @Override
  public Object apply(Object... args) {
    if (inAxes instanceof Tuple && ((Tuple) inAxes).size() != args.length) {
      throw new IllegalArgumentException(IN_AXES_FORM + "len(in_axes)="
          + ((Tuple) inAxes).size() + ", len(args)=" + args.length);
    }
    Tuple argTuple = new Tuple(Arrays.asList(args));
    Flattened flat = Trees.flatten(argTuple);
    List<Object> axes = prefix("in_axes", inAxes, argTuple);
    int size = MappedAxisSize.of(argTuple, flat.leaves(), axes, axisSize);
    int[] inDims = new int[axes.size()];
    for (int i = 0; i < inDims.length; i++) {
      Integer a = (Integer) axes.get(i);
      inDims[i] = a == null ? NOT_MAPPED
          : a < 0 ? a + FlatFunction.asValue(flat.leaves().get(i)).rank() : a;
    }
    Object out;
    Flattened outFlat;
    BatchResult result;
    try (TraceStack.Entry entry = TraceStack.push(BatchTrace::new, new AxisData(size, axisName))) {
      BatchTrace trace = (BatchTrace) entry.main().trace();
      Tuple in = (Tuple) flat.treedef().unflatten(Batching.tracersIn(trace, flat.leaves(), inDims));
      out = fn.apply(in.items().toArray());
      outFlat = Trees.flatten(out);
      result = Batching.unzip(trace, outFlat.leaves());
    }
    List<Object> outSpecs = prefix("out_axes", outAxes, out);
    List<Object> outs = new ArrayList<>(outSpecs.size());
    for (int i = 0; i < outSpecs.size(); i++) {
      outs.add(toOutAxis(result.outs().get(i), result.dims()[i], (Integer) outSpecs.get(i), size,
          out, i));
    }
    return outFlat.treedef().unflatten(outs);
  }

  /** Output {@code leaf} (of the tree {@code out}) with its batch at {@code spec}. */
  private Value toOutAxis(Value val, int bdim, Integer spec, int size, Object out, int leaf) {
    if (spec == null) {
      if (bdim == NOT_MAPPED) {
        return val;
      }
      if (axisName != null) {
        throw new IllegalArgumentException("vmap has mapped output (axis_name=" + axisName
            + ") but out_axes is None");
      }
      throw new IllegalArgumentException("at vmap out_axes" + leafPath(out, leaf)
          + ", got axis spec None but output was batched on axis " + bdim);
    }
    int rank = bdim == NOT_MAPPED ? val.rank() + 1 : val.rank();
    if (spec < -rank || spec >= rank) {
      throw new IllegalArgumentException("axis " + spec
          + " is out of bounds for array of dimension " + rank);
    }
    return Batching.moveBatch(val, bdim, spec < 0 ? spec + rank : spec, size);
  }

  /** The per-leaf entries of an axes specification, a pytree prefix of {@code tree}. */
  private static List<Object> prefix(String what, Object spec, Object tree) {
    try {
      return Trees.broadcastPrefix(spec, tree);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vmap " + what + " specification must be a tree prefix "
          + "of the corresponding value; " + e.getMessage(), e);
    }
  }

  /** Entries of an axes specification are ints or None (null). */
  private static void checkLeaves(String what, Object spec) {
    for (Object leaf : Trees.leaves(spec)) {
      if (!(leaf instanceof Integer)) {
        throw new JaxTypeError("vmap " + what + " must be an int, None, or (nested) "
            + "container with those types as leaves, but got " + spec + ".");
      }
    }
  }

  /** JAX's keystr of leaf {@code index} of {@code tree}: {@code ['q'][1]}, or empty at the root. */
  private static String leafPath(Object tree, int index) {
    List<KeyPath> paths = new ArrayList<>();
    Trees.mapWithPath((KeyPath path, Object leaf) -> paths.add(path), tree);
    return paths.get(index).toString();
  }
}
