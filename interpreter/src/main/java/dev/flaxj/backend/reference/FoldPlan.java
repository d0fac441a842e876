package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import java.util.Arrays;

/**
 * A dtype-independent schedule of left folds, so that a reduction or scan can reproduce the
 * exact association order XLA uses. The work space holds the input elements (slots
 * {@code 0 .. inputSize-1}) followed by one slot per node; node {@code i} writes slot
 * {@code inputSize + i} with {@code identity op a0 op a1 op ...} over its argument slots, in order.
 * Each output element is read from one slot, so an output may also be an unchanged input element.
 */
final class FoldPlan {
  private final int inputSize;
  private final int[] nodeStarts;
  private final int[] args;
  private final int[] outputs;

  private FoldPlan(int inputSize, int[] nodeStarts, int[] args, int[] outputs) {
    this.inputSize = inputSize;
    this.nodeStarts = nodeStarts;
    this.args = args;
    this.outputs = outputs;
  }

  /** Collects nodes; slots are numbered as in the finished plan. */
  static final class Builder {
    private final int inputSize;
    private int[] nodeStarts = new int[16];
    private int nodes = 0;
    private int[] args = new int[64];
    private int argCount = 0;

    Builder(int inputSize) {
      this.inputSize = inputSize;
    }

    /** Adds an argument to the node being built (see {@link #endNode}). */
    void arg(int slot) {
      if (argCount == args.length) {
        args = Arrays.copyOf(args, args.length * 2);
      }
      args[argCount++] = slot;
    }

    /** Finishes the node whose arguments were added since the last call; returns its slot. */
    int endNode() {
      if (nodes + 1 >= nodeStarts.length) {
        nodeStarts = Arrays.copyOf(nodeStarts, nodeStarts.length * 2);
      }
      nodeStarts[++nodes] = argCount;
      return inputSize + nodes - 1;
    }

    /** A node folding exactly these slots. */
    int node(int... slots) {
      for (int s : slots) {
        arg(s);
      }
      return endNode();
    }

    FoldPlan build(int[] outputs) {
      return new FoldPlan(inputSize, Arrays.copyOf(nodeStarts, nodes + 1),
          Arrays.copyOf(args, argCount), outputs);
    }
  }

  /** Runs the plan on {@code in}'s elements; returns the outputs' storage ({@code in}'s dtype). */
  Object evaluate(Array in, Monoid m) {
    DType d = in.dtype();
    int nodes = nodeStarts.length - 1;
    switch (d.storage()) {
      case FLOAT: {
        float[] ws = Arrays.copyOf(in.rawFloats(), inputSize + nodes);
        float id = m.floatIdentity();
        for (int n = 0; n < nodes; n++) {
          float acc = id;
          for (int p = nodeStarts[n]; p < nodeStarts[n + 1]; p++) {
            acc = m.apply(acc, ws[args[p]]);
          }
          ws[inputSize + n] = acc;
        }
        float[] out = new float[outputs.length];
        for (int j = 0; j < out.length; j++) {
          out[j] = ws[outputs[j]];
        }
        return out;
      }
      case DOUBLE: {
        double[] ws = Arrays.copyOf(in.rawDoubles(), inputSize + nodes);
        double id = m.doubleIdentity();
        for (int n = 0; n < nodes; n++) {
          double acc = id;
          for (int p = nodeStarts[n]; p < nodeStarts[n + 1]; p++) {
            acc = m.apply(acc, ws[args[p]]);
          }
          ws[inputSize + n] = acc;
        }
        double[] out = new double[outputs.length];
        for (int j = 0; j < out.length; j++) {
          out[j] = ws[outputs[j]];
        }
        return out;
      }
      case INT: {
        boolean unsigned = d.isUnsigned();
        int[] ws = Arrays.copyOf(in.rawInts(), inputSize + nodes);
        int id = m.intIdentity(unsigned);
        for (int n = 0; n < nodes; n++) {
          int acc = id;
          for (int p = nodeStarts[n]; p < nodeStarts[n + 1]; p++) {
            acc = m.apply(acc, ws[args[p]], unsigned);
          }
          ws[inputSize + n] = acc;
        }
        int[] out = new int[outputs.length];
        for (int j = 0; j < out.length; j++) {
          out[j] = ws[outputs[j]];
        }
        return out;
      }
      default: {
        boolean[] ws = Arrays.copyOf(in.rawBools(), inputSize + nodes);
        boolean id = m.boolIdentity();
        for (int n = 0; n < nodes; n++) {
          boolean acc = id;
          for (int p = nodeStarts[n]; p < nodeStarts[n + 1]; p++) {
            acc = m.apply(acc, ws[args[p]]);
          }
          ws[inputSize + n] = acc;
        }
        boolean[] out = new boolean[outputs.length];
        for (int j = 0; j < out.length; j++) {
          out[j] = ws[outputs[j]];
        }
        return out;
      }
    }
  }
}
