package dev.flaxj.backend.reference;

import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.reference.ElementOps.FloatBinary;
import dev.flaxj.backend.reference.ElementOps.FloatUnary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The loops of the float32 elementwise kernels, one private copy per operation, so that the JVM
 * compiles each with its operation inlined. A loop shared by all operations calls them through one
 * megamorphic call site, which HotSpot neither inlines nor unrolls; so each operation gets its own
 * hidden class made from the bytes of one template ({@link UnaryLoop}, {@link BinaryLoop}), whose
 * constant {@code OP} is the operation (the hidden class's class data). The loops apply exactly
 * the per-element operator, so they store its bits.
 */
final class Float32Loops {
  private Float32Loops() {}

  private static final byte[] UNARY = template(UnaryLoop.class);
  private static final byte[] BINARY = template(BinaryLoop.class);

  /** A loop of its own that applies {@code op} to each element. */
  static Float32Elementwise unary(FloatUnary op) {
    return define(UNARY, op);
  }

  /** A loop of its own that applies {@code op} to each pair of elements. */
  static Float32Elementwise binary(FloatBinary op) {
    return define(BINARY, op);
  }

  /** The operation a template copy was defined with; for the templates' {@code OP}. */
  static <T> T operation(MethodHandles.Lookup copy, Class<T> type) {
    try {
      return MethodHandles.classData(copy, ConstantDescs.DEFAULT_NAME, type);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Float32Elementwise define(byte[] template, Object op) {
    try {
      MethodHandles.Lookup copy =
          MethodHandles.lookup().defineHiddenClassWithClassData(template, op, true);
      return (Float32Elementwise) copy
          .findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot define a float32 loop", e);
    }
  }

  private static byte[] template(Class<?> loop) {
    try (InputStream in = loop.getResourceAsStream(loop.getSimpleName() + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
