package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.linen.transforms.Scan;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.Arrays;

/**
 * {@code nn.RNN}: runs a recurrent cell over the time axis of its input with the function form of
 * {@code nn.scan} (params broadcast, the {@code params} stream not split). Inputs are
 * {@code (*batch, time, features)}, or {@code (time, *batch, features)} with {@code timeMajor}.
 * {@code call(inputs)} returns the outputs, or {@code Tuple(carry, outputs)} with {@code
 * returnCarry}; {@link #call(Value, Value, Object)} also takes per-sequence lengths (one batch
 * axis) and an initial carry. The cell is the field {@code cell} (named so when the RNN adopts it).
 */
public final class RNN extends Module {
  private final RecurrentCell cell;
  private boolean timeMajor;
  private boolean returnCarry;
  private boolean reverse;
  private boolean keepOrder;
  private int unroll = 1;

  public RNN(RecurrentCell cell) {
    this(cell, null);
  }

  public RNN(RecurrentCell cell, String name) {
    super(name);
    this.cell = cell;
  }

  public RNN timeMajor(boolean b) {
    timeMajor = b;
    return this;
  }

  public RNN returnCarry(boolean b) {
    returnCarry = b;
    return this;
  }

  /** Processes the sequence from its end; outputs stay reversed unless {@link #keepOrder}. */
  public RNN reverse(boolean b) {
    reverse = b;
    return this;
  }

  public RNN keepOrder(boolean b) {
    keepOrder = b;
    return this;
  }

  public RNN unroll(int n) {
    unroll = n;
    return this;
  }

  public Object call(Value inputs) {
    return call(new Object[] {inputs});
  }

  /** With {@code seqLengths} (int array of shape {@code (batch,)}, or null) and an initial carry (or null). */
  public Object call(Value inputs, Value seqLengths, Object initialCarry) {
    return call(new Object[] {inputs, seqLengths, initialCarry});
  }

  @Override
  protected Object forward(Object... args) {
    Value inputs = (Value) args[0];
    Value seqLengths = args.length > 1 ? (Value) args[1] : null;
    Object initialCarry = args.length > 2 ? args[2] : null;
    int timeAxis = timeMajor ? 0 : inputs.rank() - 2;
    int numBatchDims = inputs.rank() - 2;
    if (reverse) {
      inputs = flipSequences(inputs, seqLengths, numBatchDims, timeMajor);
    }
    Object carry = initialCarry;
    if (carry == null) {
      int[] dims = inputs.shape().dims();
      int[] inputShape = new int[dims.length - 1];
      for (int i = 0, j = 0; i < dims.length; i++) {
        if (i != timeAxis) {
          inputShape[j++] = dims[i];
        }
      }
      carry = cell.initializeCarry(Random.key(0), inputShape);
    }
    boolean sliceCarry = seqLengths != null && returnCarry;
    ModuleMethod scanFn = (c, a) -> {
      Tuple cy = (Tuple) c.call(a);
      return sliceCarry ? Tuple.of(cy.get(0), Tuple.of(cy.get(0), cy.get(1))) : cy;
    };
    Scan scan = Scan.scan().inAxes(timeAxis).outAxes(sliceCarry ? Tuple.of(0, timeAxis) : timeAxis).unroll(unroll)
        .variableBroadcast("params").splitRngs("params", false);
    Tuple out = (Tuple) scan.function("scan_fn", scanFn).call(cell, carry, inputs);
    Object outputs;
    if (sliceCarry) {
      Tuple carriesAndOutputs = (Tuple) out.get(1);
      Value last = Jnp.subtract(seqLengths, 1);
      carry = Trees.map((Value x) -> Jnp.index(x, Index.array(last), Index.array(Jnp.arange(x.shape().dim(1)))),
          carriesAndOutputs.get(0));
      outputs = carriesAndOutputs.get(1);
    } else {
      carry = out.get(0);
      outputs = out.get(1);
    }
    if (reverse && keepOrder) {
      outputs = Trees.map((Value x) -> flipSequences(x, seqLengths, numBatchDims, timeMajor), outputs);
    }
    return returnCarry ? Tuple.of(carry, outputs) : outputs;
  }

  /**
   * {@code flip_sequences}: reverses the time axis; with lengths, each sequence's first {@code
   * length} steps are reversed and its padding stays at the end (one batch axis only).
   */
  static Value flipSequences(Value inputs, Value seqLengths, int numBatchDims, boolean timeMajor) {
    int timeAxis = timeMajor ? 0 : numBatchDims;
    int maxSteps = inputs.shape().dim(timeAxis);
    if (seqLengths == null) {
      Index[] index = new Index[timeAxis + 1];
      Arrays.fill(index, Index.slice(null, null));
      index[timeAxis] = Index.slice(null, null, -1);
      return Jnp.index(inputs, index);
    }
    if (numBatchDims != 1) {
      throw new UnsupportedOperationException("RNN: seq_lengths with " + numBatchDims + " batch axes (only 1 supported)");
    }
    Value steps = Jnp.arange(maxSteps - 1, -1, -1);
    Value lengths = Jnp.expandDims(seqLengths, timeAxis);
    Value idxs = Jnp.mod(Jnp.add(timeMajor ? Jnp.reshape(steps, maxSteps, 1) : Jnp.reshape(steps, 1, maxSteps),
        lengths), maxSteps);
    int batch = seqLengths.shape().dim(0);
    Value batchIdx = timeMajor ? Jnp.reshape(Jnp.arange(batch), 1, batch) : Jnp.reshape(Jnp.arange(batch), batch, 1);
    return timeMajor
        ? Jnp.index(inputs, Index.array(idxs), Index.array(batchIdx))
        : Jnp.index(inputs, Index.array(batchIdx), Index.array(idxs));
  }
}
