package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Float32Elementwise;

/**
 * A chain of float32 elementwise primitives over arrays of one shape, run as one loop: block by
 * block, each operation applies the backend's own loop
 * ({@link dev.flaxj.backend.Backend#fusibleFloat32}) to registers that hold the external inputs
 * and the earlier operations' results, so every element gets exactly the bits the unfused kernels
 * give it. Only the results used after the chain are written to arrays.
 *
 * <p>Registers {@code 0 .. inputs-1} hold the external inputs, register {@code inputs + k} the
 * result of operation {@code k}; {@code argA[k]}/{@code argB[k]} are an operation's operand
 * registers ({@code argB[k]} unused for a unary one). When the arrays fit in one block, the
 * inputs' registers are the input arrays and the written results' registers their output buffers,
 * so nothing is copied.
 */
final class FusedStep implements Step {
  private static final int BLOCK = 512;

  private final String names;
  private final int size;
  private final int[] inputSlots;
  private final Float32Elementwise[] ops;
  private final int[] argA;
  private final int[] argB;
  private final int[] outRegs;
  private final int[] outputSlots;
  private final ShapedArray[] outAvals;

  FusedStep(String names, int size, int[] inputSlots, Float32Elementwise[] ops, int[] argA,
      int[] argB, int[] outRegs, int[] outputSlots, ShapedArray[] outAvals) {
    this.names = names;
    this.size = size;
    this.inputSlots = inputSlots;
    this.ops = ops;
    this.argA = argA;
    this.argB = argB;
    this.outRegs = outRegs;
    this.outputSlots = outputSlots;
    this.outAvals = outAvals;
  }

  @Override
  public void run(Value[] env, Buffers buffers) {
    int inputs = inputSlots.length;
    float[][] in = new float[inputs][];
    for (int j = 0; j < inputs; j++) {
      in[j] = ((Array) env[inputSlots[j]]).rawFloats();
    }
    float[][] out = new float[outRegs.length][];
    for (int m = 0; m < outRegs.length; m++) {
      out[m] = buffers.floats(size);
    }
    // an output buffer is never an input's array: Buffers lends only dead slots' buffers
    boolean oneBlock = size <= BLOCK;
    int block = Math.min(BLOCK, size);
    float[][] regs = new float[inputs + ops.length][];
    for (int j = 0; j < inputs && oneBlock; j++) {
      regs[j] = in[j];
    }
    for (int m = 0; m < outRegs.length && oneBlock; m++) {
      regs[outRegs[m]] = out[m];
    }
    for (int r = 0; r < regs.length; r++) {
      if (regs[r] == null) {
        regs[r] = new float[block];
      }
    }
    for (int base = 0; base < size; base += block) {
      int len = Math.min(block, size - base);
      for (int j = 0; j < inputs && !oneBlock; j++) {
        System.arraycopy(in[j], base, regs[j], 0, len);
      }
      for (int k = 0; k < ops.length; k++) {
        ops[k].apply(regs[argA[k]], argB[k] < 0 ? null : regs[argB[k]], regs[inputs + k], len);
      }
      for (int m = 0; m < outRegs.length && !oneBlock; m++) {
        System.arraycopy(regs[outRegs[m]], 0, out[m], base, len);
      }
    }
    for (int m = 0; m < outRegs.length; m++) {
      env[outputSlots[m]] = Array.wrap(outAvals[m], out[m]);
    }
  }

  @Override
  public int[] inputSlots() {
    return inputSlots;
  }

  @Override
  public int[] outputSlots() {
    return outputSlots;
  }

  @Override
  public String describe() {
    return "fused[" + names + "]";
  }
}
