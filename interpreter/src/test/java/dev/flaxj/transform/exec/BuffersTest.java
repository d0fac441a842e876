package dev.flaxj.transform.exec;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

class BuffersTest {
  @Test
  void aBufferWhoseSlotDiedIsLentAgain() {
    Buffers buffers = new Buffers();
    float[] f = buffers.floats(6);
    buffers.release(wrap(f, 2, 3), new Value[3]);
    assertSame(f, buffers.floats(6), "the same size reuses the buffer");
    assertNotSame(f, buffers.floats(6), "it is lent once");
  }

  @Test
  void onlyBuffersOfTheRightSizeAreLent() {
    Buffers buffers = new Buffers();
    float[] f = buffers.floats(6);
    buffers.release(wrap(f, 6), new Value[0]);
    assertNotSame(f, buffers.floats(5));
    assertSame(f, buffers.floats(6));
  }

  @Test
  void aBufferStillHeldByALiveSlotIsNotLent() {
    Buffers buffers = new Buffers();
    float[] f = buffers.floats(4);
    Array dead = wrap(f, 4);
    Array view = wrap(f, 2, 2); // another value over the same storage, still in a slot
    buffers.release(dead, new Value[] {null, view});
    assertNotSame(f, buffers.floats(4));
  }

  @Test
  void buffersThisRunDidNotAllocateAreNeverLent() {
    Buffers buffers = new Buffers();
    float[] argument = new float[4];
    buffers.release(wrap(argument, 4), new Value[0]);
    assertNotSame(argument, buffers.floats(4), "an argument's or a constant's storage is never written");
  }

  /** An array over {@code storage} itself (no copy), as a kernel's result is. */
  private static Array wrap(float[] storage, int... shape) {
    return Array.wrap(new ShapedArray(Shape.of(shape), DType.FLOAT32, false), storage);
  }
}
