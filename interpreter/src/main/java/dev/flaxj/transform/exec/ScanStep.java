package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import java.util.Arrays;
import java.util.List;

/**
 * {@code scan} through a plan of its body: operands {@code [*consts, *init, *xs]}; each iteration
 * runs the body plan on the consts, the carry and row {@code i} of every {@code xs}, and copies
 * each {@code y} into row {@code i} of its stacked result, which is allocated once. Rows are
 * copied as they are (the same elements equation by equation evaluation slices and concatenates).
 */
record ScanStep(ExecutionPlan body, int length, boolean reverse, int numConsts, int numCarry,
    List<ShapedArray> ysAvals, int[] inputSlots, int[] outputSlots) implements Step {

  @Override
  public void run(Value[] env, Buffers buffers) {
    int numXs = inputSlots.length - numConsts - numCarry;
    Value[] args = new Value[inputSlots.length];
    for (int i = 0; i < numConsts + numCarry; i++) {
      args[i] = env[inputSlots[i]];
    }
    Array[] xs = new Array[numXs];
    ShapedArray[] xAvals = new ShapedArray[numXs];
    for (int j = 0; j < numXs; j++) {
      xs[j] = (Array) env[inputSlots[numConsts + numCarry + j]];
      xAvals[j] = unstacked(xs[j].aval());
    }
    Object[] ys = new Object[ysAvals.size()];
    for (int j = 0; j < ys.length; j++) {
      ys[j] = Array.allocate(ysAvals.get(j));
    }
    for (int step = 0; step < length; step++) {
      int i = reverse ? length - 1 - step : step;
      for (int j = 0; j < numXs; j++) {
        args[numConsts + numCarry + j] = row(xs[j], xAvals[j], i);
      }
      Value[] out = body.run(args);
      System.arraycopy(out, 0, args, numConsts, numCarry);
      for (int j = 0; j < ys.length; j++) {
        Array y = (Array) out[numCarry + j];
        int words = y.size() * y.dtype().wordsPerElement();
        System.arraycopy(y.rawStorage(), 0, ys[j], i * words, words);
      }
    }
    for (int c = 0; c < numCarry; c++) {
      env[outputSlots[c]] = args[numConsts + c];
    }
    for (int j = 0; j < ys.length; j++) {
      env[outputSlots[numCarry + j]] = Array.wrap(ysAvals.get(j), ys[j]);
    }
  }

  private static ShapedArray unstacked(ShapedArray aval) {
    int[] dims = aval.shape().dims();
    return aval.withShape(Shape.of(Arrays.copyOfRange(dims, 1, dims.length)));
  }

  /** Row {@code i} of {@code x} along its leading axis, as an array of type {@code aval}. */
  private static Array row(Array x, ShapedArray aval, int i) {
    int words = aval.shape().size() * aval.dtype().wordsPerElement();
    Object storage = Array.allocate(aval);
    System.arraycopy(x.rawStorage(), i * words, storage, 0, words);
    return Array.wrap(aval, storage);
  }

  @Override
  public String describe() {
    return "scan[length=" + length + "]{" + body.describe() + "}";
  }
}
