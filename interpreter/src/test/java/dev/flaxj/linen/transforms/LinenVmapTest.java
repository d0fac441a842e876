package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.core.Meta;
import dev.flaxj.core.Partitioned;
import dev.flaxj.errors.PartitioningUnspecifiedError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.errors.TransformTargetError;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.lax.Lax;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.Partitioning;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code nn.vmap}'s keyword arguments, each against a program of {@code seed-vmap_scan_checkpoint.json}
 * (recorded from flax 0.12.8) whose result would differ if the argument were ignored.
 */
class LinenVmapTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> vars(Object v) {
    return (Map<String, Map<String, Object>>) v;
  }

  private static void check(String program, Tuple out) {
    SeedGoldens.Program p = GOLDENS.program(program);
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  @Test
  void inAxesAndOutAxes() {
    Value x = (Value) GOLDENS.program("vmap_in_out_axes_1").value("x");
    Vmap v = Vmap.vmap().inAxes(1).outAxes(1).variableAxes("params", 0).splitRngs("params", true);
    check("vmap_in_out_axes_1", v.module(() -> new Dense(5)).initWithOutput(Random.key(0), x));
  }

  static final class AddBias extends Module {
    @Override
    protected Object forward(Object... a) {
      return Jnp.add(new Dense(3).call((Value) a[0]), a[1]);
    }
  }

  @Test
  void inAxesPerArgument() {
    SeedGoldens.Program p = GOLDENS.program("vmap_in_axes_tuple");
    Vmap v = Vmap.vmap().inAxes(Tuple.of(null, 0)).variableAxes("params", 0).splitRngs("params", true);
    check("vmap_in_axes_tuple", v.module(AddBias::new).initWithOutput(Random.key(0), p.value("x"), p.value("b")));
  }

  @Test
  void axisSizeWhenNothingIsMapped() {
    Value x = (Value) GOLDENS.program("vmap_axis_size").value("x");
    Vmap v = Vmap.vmap().inAxes(null).axisSize(3).variableAxes("params", 0).splitRngs("params", true);
    check("vmap_axis_size", v.module(() -> new Dense(2)).initWithOutput(Random.key(0), x));
  }

  @Test
  void unsplitRngGivesIdenticalStackedParams() {
    Value x = (Value) GOLDENS.program("vmap_mapped_params_unsplit_rng").value("x");
    Vmap v = Vmap.vmap().variableAxes("params", 0).splitRngs("params", false);
    check("vmap_mapped_params_unsplit_rng", v.module(() -> new Dense(5)).initWithOutput(Random.key(0), x));
  }

  @Test
  void variableAxisOne() {
    Value x = (Value) GOLDENS.program("vmap_variable_axes_1").value("x");
    Vmap v = Vmap.vmap().variableAxes("params", 1).splitRngs("params", true);
    check("vmap_variable_axes_1", v.module(() -> new Dense(5)).initWithOutput(Random.key(0), x));
  }

  static final class Centered extends Module {
    @Override
    protected Object forward(Object... a) {
      Value y = new Dense(2).call((Value) a[0]);
      return Jnp.subtract(y, Jnp.divide(Lax.psum(y, "batch"), 3.0f));
    }
  }

  @Test
  void axisNameForCollectives() {
    Value x = (Value) GOLDENS.program("vmap_axis_name").value("x");
    Vmap v = Vmap.vmap().variableAxes("params", null).splitRngs("params", false).axisName("batch");
    check("vmap_axis_name", v.module(Centered::new).initWithOutput(Random.key(0), x));
  }

  /** {@code V(_partitioned_dense(), x)} with V a function-form vmap. */
  static final class PartitionedModel extends Module {
    final Vmap vmap;

    PartitionedModel(Vmap vmap) {
      this.vmap = vmap;
    }

    @Override
    protected Object forward(Object... a) {
      Dense d = new Dense(5, true, Partitioning.withPartitioning(Initializers.lecunNormal(), "in", "out"),
          Initializers.zeros(), null);
      return vmap.function((mdl, args) -> ((Dense) mdl).call((Value) args[0])).call(d, a[0]);
    }
  }

  @Test
  void metadataParamsNameTheMappedAxis() {
    SeedGoldens.Program p = GOLDENS.program("vmap_metadata_params");
    Value x = (Value) p.value("x");
    Vmap v = Vmap.vmap().variableAxes("params", 0).splitRngs("params", true)
        .metadataParams(Map.of(Partitioned.PARTITION_NAME, "batch"));
    Tuple out = new PartitionedModel(v).initWithOutput(Random.key(0), x);
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("unboxed"), Meta.unbox(out.get(1)));
    Object kernel = ((Map<?, ?>) vars(out.get(1)).get("params").get("Dense_0")).get("kernel");
    assertEquals(List.of("batch", "in", "out"), ((Partitioned) kernel).names());
    assertEquals(List.of("batch", "in", "out"), ((Tuple) p.value("kernel_names")).items());
    assertTreeClose(p.value("y_apply_2x"), new PartitionedModel(v).apply(vars(out.get(1)), Jnp.multiply(x, 2.0f)));
  }

  @Test
  void partitionedWithoutMetadataParamsIsAnError() {
    assertEquals("PartitioningUnspecifiedError",
        GOLDENS.program("vmap_partitioned_without_metadata_params").exceptionClass());
    Vmap v = Vmap.vmap().variableAxes("params", 0).splitRngs("params", true);
    PartitioningUnspecifiedError e = assertThrows(PartitioningUnspecifiedError.class,
        () -> new PartitionedModel(v).init(Random.key(0), Jnp.ones(3, 2, 4)));
    assertTrue(e.getMessage().startsWith("Trying to transform a Partitioned variable but \"partition_name\" is not"
        + " specified in metadata_params: Partitioned(value="), e.getMessage());
  }

  /** Setup style: {@code dense} in setup; {@code encode} doubles its output. */
  static final class Enc extends Module {
    Dense dense;

    @Override
    protected void setup() {
      dense = new Dense(2);
    }

    @Override
    protected Object forward(Object... a) {
      return dense.call((Value) a[0]);
    }

    static Object encode(Module m, Object... a) {
      return Jnp.multiply(((Enc) m).dense.call((Value) a[0]), 2.0f);
    }
  }

  static final class EncModel extends Module {
    @Override
    protected Object forward(Object... a) {
      Lifted<Enc> venc = Vmap.vmap().variableAxes("params", 0).splitRngs("params", true).methods("encode")
          .module(Enc::new);
      return venc.method("encode", Enc::encode, a[0]);
    }
  }

  @Test
  void methodsChooseTheTransformedMethods() {
    Value x = (Value) GOLDENS.program("vmap_methods").value("x");
    check("vmap_methods", new EncModel().initWithOutput(Random.key(0), x));
  }

  @Test
  void inconsistentBatchSizes() {
    SeedGoldens.Program p = GOLDENS.program("vmap_inconsistent_sizes");
    assertEquals("ValueError", p.exceptionClass());
    Vmap v = Vmap.vmap().variableAxes("params", 0).splitRngs("params", true);
    Map<String, Map<String, Object>> variables = v.module(() -> new Dense(5)).init(Random.key(0), Jnp.ones(3, 2, 4));
    PyValueError e = assertThrows(PyValueError.class,
        () -> v.module(() -> new Dense(5)).apply(variables, Jnp.ones(2, 2, 4)));
    assertEquals(p.exceptionMessage(), e.getMessage());
  }

  @Test
  void moduleInstanceIsNotATarget() {
    assertEquals("TransformTargetError", GOLDENS.program("error_transform_target").exceptionClass());
    TransformTargetError e = assertThrows(TransformTargetError.class, () -> Vmap.vmap().target(new Dense(2)));
    assertTrue(e.getMessage().startsWith("Linen transformations must be applied to Modules classes or functions"
        + " taking a Module instance as the first argument. The provided target is not a Module class or callable: "),
        e.getMessage());
  }
}
