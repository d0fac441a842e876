package dev.flaxj.vectors;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.random.Random;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays {@code jax-vectors/random.json} (recorded from jax.random) through {@link Random}. */
class RandomVectorsTest {

  @TestFactory
  Stream<DynamicTest> randomVectors() {
    return VectorReplay.tests("random.json", dispatcher());
  }

  /** Each recorded {@code jax.random} function name and the Java call that replays it. */
  static Dispatcher dispatcher() {
    return new Dispatcher()
        .on("key", a -> Random.key(seed(a)))
        .on("PRNGKey", a -> Random.prngKey(seed(a)))
        .on("key_data", a -> Random.keyData(a.array("keys")))
        .on("wrap_key_data", a -> Random.wrapKeyData(a.array("key_data")))
        .on("split", a -> a.isList("num")
            ? Random.split(a.array("key"), a.ints("num"))
            : Random.split(a.array("key"), a.integer("num")))
        .on("fold_in", a -> Random.foldIn(a.array("key"), (int) a.longValue("data")))
        .on("bits", a -> {
          requireDType(a, DType.UINT32);
          return Random.bits(a.array("key"), a.ints("shape"));
        })
        .on("uniform", a -> a.has("minval")
            ? Random.uniform(a.array("key"), a.ints("shape"), a.dtype("dtype"),
                a.number("minval"), a.number("maxval"))
            : Random.uniform(a.array("key"), a.ints("shape"), a.dtype("dtype")))
        .on("normal", a -> Random.normal(a.array("key"), a.ints("shape"), a.dtype("dtype")))
        .on("truncated_normal", a -> Random.truncatedNormal(a.array("key"), a.number("lower"),
            a.number("upper"), a.ints("shape"), a.dtype("dtype")))
        .on("bernoulli", a -> Random.bernoulli(a.array("key"), a.number("p"), a.ints("shape")))
        .on("randint", a -> Random.randint(a.array("key"), a.ints("shape"), a.integer("minval"),
            a.integer("maxval"), a.dtype("dtype")))
        .on("permutation", a -> a.isArray("x")
            ? Random.permutation(a.array("key"), a.array("x"), a.integer("axis"), false)
            : Random.permutation(a.array("key"), a.integer("x")))
        .on("choice", RandomVectorsTest::choice)
        .on("categorical", a -> Random.categorical(a.array("key"), a.array("logits"),
            a.has("axis") ? a.integer("axis") : -1, a.has("shape") ? a.ints("shape") : null))
        .on("gumbel", a -> Random.gumbel(a.array("key"), a.ints("shape"), a.dtype("dtype")))
        .on("threefry2x32", a -> Lax.threefry2x32(
            a.array("k1"), a.array("k2"), a.array("x1"), a.array("x2")));
  }

  private static Value choice(CaseArgs a) {
    Value key = a.array("key");
    Value p = a.has("p") ? a.array("p") : null;
    boolean replace = a.bool("replace");
    if (a.isArray("a")) {
      return Random.choice(key, a.array("a"), a.ints("shape"), replace, p,
          a.has("axis") ? a.integer("axis") : 0);
    }
    return Random.choice(key, a.integer("a"), a.ints("shape"), replace, p);
  }

  /** A Python int seed; one beyond a Java long cannot be passed to {@link Random#key(long)}. */
  private static long seed(CaseArgs a) {
    BigInteger seed = a.get("seed").getAsBigInteger();
    if (seed.bitLength() > 63) {
      throw new NotExpressible("seed " + seed + " does not fit a Java long");
    }
    return seed.longValue();
  }

  private static void requireDType(CaseArgs a, DType expected) {
    if (a.dtype("dtype") != expected) {
      throw new IllegalStateException("no replay for dtype " + a.string("dtype"));
    }
  }
}
