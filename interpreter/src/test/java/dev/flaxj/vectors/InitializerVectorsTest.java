package dev.flaxj.vectors;

import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code jax-vectors/initializers.json} (recorded from jax.nn.initializers) through
 * {@link Initializers}. A case's {@code params} are the builder's arguments, the rest the call's.
 */
class InitializerVectorsTest {

  @TestFactory
  Stream<DynamicTest> initializerVectors() {
    return VectorReplay.tests("initializers.json", dispatcher());
  }

  /** Each recorded initializer name and the Java builder that replays it. */
  static Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher()
        .on("zeros", a -> Initializers.zeros(a.array("key"), a.ints("shape"), a.dtype("dtype")))
        .on("ones", a -> Initializers.ones(a.array("key"), a.ints("shape"), a.dtype("dtype")))
        .on("constant", built(p -> Initializers.constant(p.number("value"))))
        .on("normal", built(p -> p.has("stddev")
            ? Initializers.normal(p.number("stddev")) : Initializers.normal()))
        .on("uniform", built(p -> p.has("scale")
            ? Initializers.uniform(p.number("scale")) : Initializers.uniform()))
        .on("truncated_normal", built(p -> p.has("lower")
            ? Initializers.truncatedNormal(p.number("stddev"), p.number("lower"), p.number("upper"))
            : Initializers.truncatedNormal(p.number("stddev"))))
        .on("variance_scaling", built(p -> varianceScaling(p, p.number("scale"),
            p.string("mode"), p.string("distribution"))))
        .on("orthogonal", built(p -> p.has("scale")
            ? Initializers.orthogonal(p.number("scale"), p.integer("column_axis"))
            : Initializers.orthogonal()));
    named(d, "lecun_normal", Initializers::lecunNormal, 1.0, "fan_in", "truncated_normal");
    named(d, "lecun_uniform", Initializers::lecunUniform, 1.0, "fan_in", "uniform");
    named(d, "glorot_normal", Initializers::glorotNormal, 1.0, "fan_avg", "truncated_normal");
    named(d, "glorot_uniform", Initializers::glorotUniform, 1.0, "fan_avg", "uniform");
    named(d, "xavier_normal", Initializers::xavierNormal, 1.0, "fan_avg", "truncated_normal");
    named(d, "xavier_uniform", Initializers::xavierUniform, 1.0, "fan_avg", "uniform");
    named(d, "he_normal", Initializers::heNormal, 2.0, "fan_in", "truncated_normal");
    named(d, "he_uniform", Initializers::heUniform, 2.0, "fan_in", "uniform");
    named(d, "kaiming_normal", Initializers::kaimingNormal, 2.0, "fan_in", "truncated_normal");
    named(d, "kaiming_uniform", Initializers::kaimingUniform, 2.0, "fan_in", "uniform");
    return d;
  }

  /** Builds the initializer from the case's {@code params}, then calls it on key, shape, dtype. */
  private static Replayer built(Function<CaseArgs, Initializer> builder) {
    return a -> builder.apply(a.nested("params")).init(a.array("key"), a.ints("shape"), a.dtype("dtype"));
  }

  /**
   * A named variance-scaling initializer: its Java builder without axis parameters; with them
   * (the Java named builders take none) the {@code variance_scaling} it is defined as in JAX.
   */
  private static void named(Dispatcher d, String name, Supplier<Initializer> builder,
      double scale, String mode, String distribution) {
    d.on(name, built(p -> p.json().size() == 0
        ? builder.get() : varianceScaling(p, scale, mode, distribution)));
  }

  private static Initializer varianceScaling(CaseArgs p, double scale, String mode,
      String distribution) {
    return Initializers.varianceScaling(scale, mode, distribution,
        axes(p, "in_axis", -2), axes(p, "out_axis", -1),
        p.has("batch_axis") ? p.axes("batch_axis") : new int[0]);
  }

  private static int[] axes(CaseArgs p, String name, int fallback) {
    return p.has(name) ? p.axes(name) : new int[] {fallback};
  }
}
