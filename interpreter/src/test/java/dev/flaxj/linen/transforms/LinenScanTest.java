package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Value;
import dev.flaxj.core.Meta;
import dev.flaxj.core.Partitioned;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Dropout;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.Partitioning;
import dev.flaxj.linen.Variable;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code nn.scan}'s keyword arguments, each against a program of {@code seed-vmap_scan_checkpoint.json}
 * (recorded from flax 0.12.8) whose result would differ if the argument were ignored.
 */
class LinenScanTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");

  /** {@code c' = 0.5 c + Dense(2)(x)}; returns {@code (c', c')}. */
  static final class Acc extends Module {
    @Override
    protected Object forward(Object... a) {
      Value c = Jnp.add(Jnp.multiply(a[0], 0.5f), new Dense(2).call((Value) a[1]));
      return Tuple.of(c, c);
    }
  }

  static Scan accScan() {
    return Scan.scan().variableBroadcast("params").splitRngs("params", false);
  }

  private static Tuple runAcc(Scan scan, SeedGoldens.Program p) {
    Tuple out = scan.module(Acc::new).initWithOutput(Random.key(0), Jnp.zeros(2), p.value("xs"));
    Tuple cys = (Tuple) out.get(0);
    assertTreeClose(p.value("c"), cys.get(0));
    assertTreeClose(p.value("ys"), cys.get(1));
    assertTreeClose(p.value("variables"), out.get(1));
    return out;
  }

  @Test
  void reverse() {
    runAcc(accScan().reverse(true), GOLDENS.program("scan_reverse"));
    runAcc(accScan(), GOLDENS.program("scan_forward_reference"));
  }

  @Test
  void unrollIsRecordedOnTheScanEquation() {
    SeedGoldens.Program p = GOLDENS.program("scan_unroll");
    Tuple out = runAcc(accScan().unroll(2), p);
    Lifted<Acc> model = accScan().unroll(2).module(Acc::new);
    ClosedJaxpr jaxpr = MakeJaxpr.makeJaxpr(a -> model.apply(LinenVmapTest.vars(a[0]), a[1], a[2]))
        .apply(out.get(1), Jnp.zeros(2), p.value("xs"));
    List<Object> unrolls = new ArrayList<>();
    for (JaxprEqn e : jaxpr.jaxpr().eqns()) {
      if (e.primitive().name().equals("scan")) {
        unrolls.add(e.params().get("unroll"));
      }
    }
    assertEquals(p.value("unroll"), unrolls);
  }

  @Test
  void inAndOutAxes() {
    SeedGoldens.Program p = GOLDENS.program("scan_out_axes_1");
    Tuple out = accScan().inAxes(1).outAxes(1).module(Acc::new)
        .initWithOutput(Random.key(0), Jnp.zeros(3, 2), p.value("xs"));
    assertTreeClose(p.value("c"), ((Tuple) out.get(0)).get(0));
    assertTreeClose(p.value("ys"), ((Tuple) out.get(0)).get(1));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  static final class WeightedCell extends Module {
    @Override
    protected Object forward(Object... a) {
      Value c = Jnp.add(a[0], Jnp.multiply(new Dense(2).call((Value) a[1]), a[2]));
      return Tuple.of(c, c);
    }
  }

  @Test
  void broadcastInAxis() {
    SeedGoldens.Program p = GOLDENS.program("scan_in_axes_broadcast");
    Tuple out = accScan().inAxes(Tuple.of(0, Scan.BROADCAST)).module(WeightedCell::new)
        .initWithOutput(Random.key(0), Jnp.zeros(2), p.value("xs"), p.value("w"));
    assertTreeClose(p.value("c"), ((Tuple) out.get(0)).get(0));
    assertTreeClose(p.value("ys"), ((Tuple) out.get(0)).get(1));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  static final class Count extends Module {
    @Override
    protected Object forward(Object... a) {
      Variable i = variable("counter", "i", args -> Jnp.zeros());
      i.setValue(Jnp.add(i.value(), 1.0f));
      return Tuple.of(Jnp.add(a[0], Jnp.multiply(a[1], i.value())), i.value());
    }
  }

  @Test
  void variableCarry() {
    SeedGoldens.Program p = GOLDENS.program("scan_variable_carry");
    Tuple out = (Tuple) Scan.scan().variableCarry("counter").module(Count::new)
        .apply(LinenVmapTest.vars(p.value("variables")), ApplyOptions.none().mutable(List.of("counter")),
            Jnp.zeros(2), p.value("xs"));
    assertTreeClose(p.value("c"), ((Tuple) out.get(0)).get(0));
    assertTreeClose(p.value("ys"), ((Tuple) out.get(0)).get(1));
    assertTreeClose(p.value("state"), out.get(1));
  }

  static final class Drop extends Module {
    @Override
    protected Object forward(Object... a) {
      return Tuple.of(a[0], new Dropout(0.5, false).call((Value) a[1]));
    }
  }

  @Test
  void splitRngsPerStream() {
    SeedGoldens.Program p = GOLDENS.program("scan_split_rngs_dropout");
    ApplyOptions rngs = ApplyOptions.none().rngs(Map.of("params", Random.key(0), "dropout", Random.key(1)));
    Scan split = Scan.scan().splitRngs("params", false).splitRngs("dropout", true);
    Scan same = Scan.scan().splitRngs("params", false).splitRngs("dropout", false);
    Tuple ySplit = (Tuple) split.module(Drop::new).apply(Map.of(), rngs, Jnp.zeros(), p.value("xs"));
    Tuple ySame = (Tuple) same.module(Drop::new).apply(Map.of(), rngs, Jnp.zeros(), p.value("xs"));
    assertTreeClose(p.value("ys_split"), ySplit.get(1));
    assertTreeClose(p.value("ys_same"), ySame.get(1));
  }

  @Test
  void dataTransformSeesTheRawGroups() {
    SeedGoldens.Program p = GOLDENS.program("scan_data_transform");
    Scan doubled = accScan().dataTransform((vg, rg) ->
        Tuple.of(Trees.map((Value v) -> Jnp.multiply(v, 2.0f), vg), rg));
    Tuple cys = (Tuple) doubled.module(Acc::new)
        .apply(LinenVmapTest.vars(p.value("variables")), Jnp.zeros(2), p.value("xs"));
    assertTreeClose(p.value("c"), cys.get(0));
    assertTreeClose(p.value("ys"), cys.get(1));
  }

  static final class Block extends Module {
    @Override
    protected Object forward(Object... a) {
      Dense d = new Dense(2, true, Partitioning.withPartitioning(Initializers.lecunNormal(), "in", "out"),
          Initializers.zeros(), null);
      return Tuple.of(d.call((Value) a[0]), null);
    }
  }

  @Test
  void metadataParamsNameTheScannedAxis() {
    SeedGoldens.Program p = GOLDENS.program("scan_metadata_params");
    Scan s = Scan.scan().variableAxes("params", 0).splitRngs("params", true).length(3)
        .metadataParams(Map.of(Partitioned.PARTITION_NAME, "layers"));
    Tuple out = s.module(Block::new).initWithOutput(Random.key(0), p.value("x"), null);
    assertTreeClose(p.value("y"), ((Tuple) out.get(0)).get(0));
    assertTreeClose(p.value("unboxed"), Meta.unbox(out.get(1)));
    Object kernel = ((Map<?, ?>) LinenVmapTest.vars(out.get(1)).get("params").get("Dense_0")).get("kernel");
    assertEquals(((Tuple) p.value("kernel_names")).items(), ((Partitioned) kernel).names());
  }

  static final class AddDense extends Module {
    @Override
    protected Object forward(Object... a) {
      return Tuple.of(Jnp.add(a[0], new Dense(2).call((Value) a[1])), null);
    }
  }

  @Test
  void mismatchedScannedVariableLength() {
    SeedGoldens.Program p = GOLDENS.program("scan_mismatched_variable_axes");
    assertEquals("ValueError", p.exceptionClass());
    Scan s = Scan.scan().variableAxes("params", 0).splitRngs("params", true);
    Map<String, Map<String, Object>> variables = s.module(AddDense::new).init(Random.key(0), Jnp.zeros(2), Jnp.ones(3, 2));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> s.module(AddDense::new).apply(variables, Jnp.zeros(2), Jnp.ones(4, 2)));
    assertEquals(p.exceptionMessage(), e.getMessage());
  }
}
