package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import java.util.List;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * vmap(f)(xs) equals stacking f(x_i), for random example shapes (zero-sized dimensions
 * included), batch sizes, in_axes (negative too, or None for the second operand) and out_axes.
 */
class VmapPropertyTest {
  /** Functions of two operands of one example shape. */
  private static final List<BinaryOperator<Value>> OPS = List.of(
      (x, y) -> Lax.add(Lax.exp(x), y),
      (x, y) -> Lax.selectN(Jnp.greater(x, y), x, y),
      (x, y) -> Lax.reduceSum(Lax.mul(x, y), 0),
      (x, y) -> Lax.reduceMax(x, BatchDims.identity(x.rank())),
      (x, y) -> Lax.transpose(Lax.sub(x, y), reversed(x.rank())),
      (x, y) -> Lax.reshape(x, x.shape().size()),
      (x, y) -> Lax.cumsum(y, x.rank() - 1, true),
      (x, y) -> Lax.concatenate(0, x, y),
      (x, y) -> Lax.rev(x, 0),
      (x, y) -> Lax.slice(x, new int[x.rank()], half(x.shape().dims())),
      (x, y) -> Lax.pad(x, Array.scalar(7f), padding(x.rank())),
      (x, y) -> Lax.sort(0, true, 1, x, y).get(1),
      (x, y) -> Lax.argmin(y, 0, DType.INT32),
      (x, y) -> Jnp.einsum("...i,...i->...", x, y),
      (x, y) -> Lax.broadcastInDim(x, prepend(2, x.shape().dims()),
          BatchDims.shift(BatchDims.identity(x.rank()), 0)),
      (x, y) -> Jnp.index(x, Index.array(Jnp.astype(Jnp.clip(y, 0, 1), DType.INT32))),
      (x, y) -> Jnp.at(x, Index.at(0)).add(Jnp.index(y, Index.at(-1))),
      (x, y) -> Lax.dynamicSlice(x, starts(x.rank(), Lax.convertElementType(
          Jnp.sum(y), DType.INT32)), half(x.shape().dims())));

  @Property(tries = 400)
  void vmapEqualsTheLoop(@ForAll("shapes") int[] example,
      @ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 0, max = 17) int op,
      @ForAll @IntRange(min = 0, max = 99) int xPick, @ForAll @IntRange(min = 0, max = 99) int yPick,
      @ForAll @IntRange(min = 0, max = 99) int outPick, @ForAll long seed) {
    int rank = example.length;
    // any in axis from -(rank + 1) to rank; for y also None
    int xAxis = xPick % (2 * rank + 2) - (rank + 1);
    int yChoice = yPick % (2 * rank + 3) - (rank + 1);
    Integer yAxis = yChoice == rank + 1 ? null : yChoice;
    Value x = random(seed, insert(example, xAxis, n));
    Value y = random(seed + 1, yAxis == null ? example : insert(example, yAxis, n));
    BinaryOperator<Value> f = OPS.get(op);
    Value probe;
    try {
      probe = f.apply(example(x, xAxis, 0), yAxis == null ? y : example(y, yAxis, 0));
    } catch (IllegalArgumentException notForThisShape) {
      Assume.that(false);
      return;
    }
    int out = outPick % (2 * probe.rank() + 2) - (probe.rank() + 1);
    check(a -> f.apply(a[0], a[1]), axes(xAxis, yAxis), out, x, y);
  }

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(0, 3).array(int[].class).ofMinSize(1).ofMaxSize(3);
  }

  private static Array random(long seed, int[] shape) {
    java.util.Random r = new java.util.Random(seed);
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) Math.round(r.nextGaussian() * 8) / 4;
    }
    return Array.of(v, shape);
  }

  private static int[] insert(int[] shape, int axis, int n) {
    int at = axis < 0 ? axis + shape.length + 1 : axis;
    return BatchDims.inserted(shape, at, n);
  }

  private static int[] reversed(int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = rank - 1 - i;
    }
    return p;
  }

  private static int[] half(int[] dims) {
    int[] h = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      h[i] = (dims[i] + 1) / 2;
    }
    return h;
  }

  private static int[][] padding(int rank) {
    int[][] c = new int[rank][];
    for (int i = 0; i < rank; i++) {
      c[i] = new int[] {1 - i, i, i % 2};
    }
    return c;
  }

  private static int[] prepend(int first, int[] dims) {
    return BatchDims.inserted(dims, 0, first);
  }

  private static Value[] starts(int rank, Value first) {
    Value[] s = new Value[rank];
    java.util.Arrays.fill(s, Array.scalar(1));
    s[0] = first;
    return s;
  }
}
