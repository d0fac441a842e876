package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Params;
import java.util.Arrays;
import java.util.List;

/**
 * A primitive run by its backend kernel, looked up once, with the output types the staged
 * program recorded (so no abstract evaluation runs per call).
 */
record KernelStep(String name, Kernel kernel, Params params, List<ShapedArray> outAvals,
    int[] inputSlots, int[] outputSlots) implements Step {

  @Override
  public void run(Value[] env, Buffers buffers) {
    Array[] in = new Array[inputSlots.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = (Array) env[inputSlots[i]];
    }
    List<Array> out = kernel.apply(Arrays.asList(in), params, outAvals);
    for (int i = 0; i < outputSlots.length; i++) {
      env[outputSlots[i]] = out.get(i);
    }
  }

  @Override
  public String describe() {
    return name;
  }
}
