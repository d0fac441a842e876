package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Dropout;
import dev.flaxj.linen.MethodTransform;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.linen.Variable;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.staging.Kwargs;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The keyword arguments of the linen control lifts (jit, fold_rngs, remat_scan, map_variables,
 * while_loop, cond, switch) against {@code seed-control_flow.json} recorded from flax 0.12.8
 * (programs in conformance-tests/tools/seed_programs/control_flow.py); each test fails if its
 * argument were ignored. The core tests (dev.flaxj.core.Lift*Test) cover each argument too.
 */
class ControlFlowKeywordsTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("control_flow");

  private static Map<String, Value> rngs() {
    return Map.of("params", Random.key(0), "dropout", Random.key(1));
  }

  /** Dense(4) then Dropout(0.5), not deterministic. */
  static final class Block extends Module {
    @Override
    protected Object forward(Object... a) {
      return new Dropout(0.5, false).call(new Dense(4).call((Value) a[0]));
    }
  }

  @Test
  void jitRngsFilterLeavesOtherStreamsOut() {
    SeedGoldens.Program p = GOLDENS.program("jit_rngs_params_only");
    Tuple out = Jit.jit().rngs("params").module(Block::new).initWithOutput(rngs(), p.value("x"));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y"), out.get(0));
  }

  /** Adds the state variable {@code n}. */
  static final class Counter extends Module {
    @Override
    protected Object forward(Object... a) {
      return Jnp.add(a[0], variable("state", "n", args -> Jnp.zeros()).value());
    }
  }

  @Test
  void jitVariablesFilterLeavesOtherCollectionsOut() {
    SeedGoldens.Program p = GOLDENS.program("jit_variables_params_only");
    assertEquals("ScopeCollectionNotFound", p.exceptionClass());
    Map<String, Map<String, Object>> state = Map.of("state", Map.of("n", Jnp.ones()));
    assertEquals(p.exceptionMessage(), assertThrows(ScopeCollectionNotFound.class,
        () -> Jit.jit().variables("params").module(Counter::new).apply(state, Jnp.zeros(2))).getMessage());
    assertTreeClose(Jnp.ones(2), Jit.jit().module(Counter::new).apply(state, Jnp.zeros(2)));
  }

  static final class Scale extends Module {
    @Override
    protected Object forward(Object... a) {
      return Jnp.multiply(a[0], Jnp.ones((Integer) ((Kwargs) a[1]).get("n")));
    }
  }

  @Test
  void jitStaticArgnamesMakeAKeywordStatic() {
    SeedGoldens.Program p = GOLDENS.program("jit_static_argnames");
    assertTreeClose(p.value("y"), Jit.jit().staticArgnames("n").module(Scale::new)
        .apply(Map.of(), Jnp.array(2f), Kwargs.of("n", 3)));
  }

  /** setup: enc = Dense(3), drop = Dropout(0.5); encode(x) = drop(enc(x)). */
  static final class Codec extends Module {
    Dense enc;
    Dropout drop;

    @Override
    protected void setup() {
      enc = new Dense(3);
      drop = new Dropout(0.5, false);
    }

    static final ModuleMethod ENCODE = (m, a) -> ((Codec) m).drop.call(((Codec) m).enc.call((Value) a[0]));

    @Override
    protected Object forward(Object... a) {
      return ENCODE.call(this, a);
    }
  }

  @Test
  void jitMethodsChooseTheJittedMethods() {
    SeedGoldens.Program p = GOLDENS.program("jit_methods");
    Object x = p.value("x");
    ModuleMethod encode = (m, a) -> ((Lifted<?>) m).method("encode", Codec.ENCODE, a);
    Tuple out = ((Lifted<?>) Jit.jit().methods("encode").module(Codec::new))
        .initWithOutput(rngs(), ApplyOptions.none().method(encode), x);
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y"), out.get(0));
    // the fork of the jitted method's streams changes the init: untransformed, encode gives other values
    assertNotEquals(p.value("variables").toString(), p.value("variables_untransformed").toString());
    Tuple plain = new Codec().initWithOutput(rngs(), ApplyOptions.none().method(Codec.ENCODE), x);
    assertTreeClose(p.value("variables_untransformed"), plain.get(1));
  }

  /** {@code @nn.jit} on a compact {@code __call__}: Dense(4) then Dropout(0.5). */
  static final class JittedBlock extends Module {
    @Override
    protected MethodTransform forwardTransform() {
      return Jit.jit();
    }

    @Override
    protected Object forward(Object... a) {
      return new Dropout(0.5, false).call(new Dense(4).call((Value) a[0]));
    }
  }

  @Test
  void jitMethodFormForksTheModuleItself() {
    SeedGoldens.Program p = GOLDENS.program("jit_method_form");
    Tuple out = new JittedBlock().initWithOutput(rngs(), p.value("x"));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("y_apply_key5"), new JittedBlock().apply((Map<String, ?>) out.get(1),
        ApplyOptions.none().rngs(Map.of("dropout", Random.key(5))), p.value("x")));
  }

  @Test
  void foldRngsForksTheModuleStreams() {
    SeedGoldens.Program p = GOLDENS.program("fold_rngs_dropout");
    Tuple out = FoldRngs.foldRngs().module(Block::new).initWithOutput(rngs(), p.value("x"));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y"), out.get(0));
  }

  static final class RematScanModel extends Module {
    @Override
    protected Object forward(Object... a) {
      Object x = a[0];
      Object y1 = RematScan.rematScan(2, 3).variableAxes(Map.of("params", 1)).splitRngs(Map.of("params", false))
          .module("axes1_nosplit", () -> new Dense(4)).call(x);
      Object y2 = RematScan.rematScan(2, 2).variableAxes(Map.of()).variableBroadcast("params")
          .splitRngs(Map.of("params", false)).module("broadcast", () -> new Dense(4)).call(x);
      return Tuple.of(y1, y2);
    }
  }

  @Test
  void rematScanAxesSplitAndBroadcast() {
    SeedGoldens.Program p = GOLDENS.program("remat_scan_keywords");
    Tuple out = new RematScanModel().initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y"), out.get(0));
  }

  /** Returns the state {@code count} and increments it. */
  static final class Increment extends Module {
    @Override
    protected Object forward(Object... a) {
      Variable v = variable("state", "count", args -> Jnp.ones());
      Object old = v.value();
      v.setValue(Jnp.add(old, 1));
      return old;
    }
  }

  private static UnaryOperator<Object> times(float f) {
    return t -> Trees.map((Value v) -> Jnp.multiply(v, f), t);
  }

  @Test
  void mapVariablesMutableWritesBackThroughTransOut() {
    SeedGoldens.Program p = GOLDENS.program("map_variables_mutable_out");
    Map<String, Map<String, Object>> state = Map.of("state", Map.of("count", Jnp.array(1f)));
    Tuple r = (Tuple) MapVariables.mapVariables("state").transInFn(times(10)).transOutFn(t -> Trees.map(
        (Value v) -> Jnp.divide(v, 10f), t)).mutable(true).module(Increment::new)
        .apply(state, ApplyOptions.none().mutable("state"));
    assertTreeClose(p.value("y"), r.get(0));
    assertTreeClose(p.value("state"), r.get(1));
    SeedGoldens.Program readOnly = GOLDENS.program("map_variables_immutable_write");
    assertEquals("ModifyScopeVariableError", readOnly.exceptionClass());
    assertEquals(readOnly.exceptionMessage(), assertThrows(ModifyScopeVariableError.class,
        () -> MapVariables.mapVariables("state").transInFn(times(10)).module(Increment::new)
            .apply(state, ApplyOptions.none().mutable("state"))).getMessage());
  }

  static final class Noisy extends Module {
    final boolean split;

    Noisy(boolean split) {
      this.split = split;
    }

    @Override
    protected Object forward(Object... a) {
      ModuleMethod cond = (mdl, c) -> Jnp.less(((Tuple) c[0]).get(0), 3);
      ModuleMethod body = (mdl, c) -> {
        Tuple t = (Tuple) c[0];
        return Tuple.of(Jnp.add(t.get(0), 1), Jnp.add(t.get(1), Random.normal(mdl.makeRng("noise"), 2)));
      };
      return ((Tuple) WhileLoop.whileLoop().splitRngs("noise", split).call(cond, body, this, Tuple.of(0, a[0])))
          .get(1);
    }
  }

  @Test
  void whileLoopSplitRngs() {
    SeedGoldens.Program p = GOLDENS.program("while_loop_split_rngs");
    ApplyOptions noise = ApplyOptions.none().rngs(Map.of("noise", Random.key(3)));
    // Flax ran the loop compiled by XLA: a few ulps apart (1e-6 relative is the conformance tolerance)
    assertTreeClose(p.value("split"), new Noisy(true).apply(Map.of(), noise, p.value("x")));
    assertTreeClose(p.value("shared"), new Noisy(false).apply(Map.of(), noise, p.value("x")));
  }

  static final class InitInLoop extends Module {
    @Override
    protected Object forward(Object... a) {
      variable("state", "acc", args -> Jnp.array(0));
      ModuleMethod cond = (mdl, c) -> Jnp.less(mdl.variables().get("state").get("acc"), 3);
      ModuleMethod body = (mdl, c) -> {
        Variable acc = mdl.variable("state", "acc", null);
        acc.setValue(Jnp.add(acc.value(), 1));
        return new Dense(2).call((Value) c[0]);
      };
      return WhileLoop.whileLoop().carryVariables("state").call(cond, body, this, a[0]);
    }
  }

  @Test
  void whileLoopCannotInitialiseInTheBody() {
    SeedGoldens.Program p = GOLDENS.program("while_loop_init_in_body");
    assertEquals("ScopeCollectionNotFound", p.exceptionClass());
    assertEquals(p.exceptionMessage(), assertThrows(ScopeCollectionNotFound.class,
        () -> new InitInLoop().init(Random.key(0), Jnp.ones(1, 2))).getMessage());
  }

  static final class Draw extends Module {
    @Override
    protected Object forward(Object... a) {
      ModuleMethod draw = (mdl, b) -> Random.normal(mdl.makeRng("dropout"), 2);
      Object x = Cond.cond().rngs("params").call(a[0], draw, draw, this);
      Object y = Switch.switchCase().rngs("params").call(a[1], List.of(draw, draw), this);
      Object z = Cond.cond().call(a[0], draw, draw, this);
      return Tuple.of(x, y, z);
    }
  }

  @Test
  void condAndSwitchRngsFilter() {
    SeedGoldens.Program p = GOLDENS.program("cond_switch_rngs_filter");
    Map<String, Value> keys = Map.of("params", Random.key(1), "dropout", Random.key(2));
    assertTreeClose(p.value("y"), new Draw().apply(Map.of(), ApplyOptions.none().rngs(keys), true, 1));
  }

  static final class CountInBranch extends Module {
    @Override
    protected Object forward(Object... a) {
      variable("state", "n", args -> 0);
      ModuleMethod branch = (mdl, b) -> {
        Variable n = mdl.variable("state", "n", null);
        n.setValue(Jnp.add(n.value(), 1));
        return b[0];
      };
      return Cond.cond().variables("params").call(a[1], branch, branch, this, a[0]);
    }
  }

  @Test
  void condVariablesFilter() {
    SeedGoldens.Program p = GOLDENS.program("cond_variables_filter");
    assertEquals("ScopeCollectionNotFound", p.exceptionClass());
    assertEquals(p.exceptionMessage(), assertThrows(ScopeCollectionNotFound.class,
        () -> new CountInBranch().init(Random.key(0), Jnp.ones(2), true)).getMessage());
  }

  static final class DrawOnce extends Module {
    @Override
    protected Object forward(Object... a) {
      return Random.normal(makeRng("dropout"), 2);
    }
  }

  static final class ReadState extends Module {
    @Override
    protected Object forward(Object... a) {
      return variable("state", "s", args -> Jnp.zeros()).value();
    }
  }

  @Test
  void mapVariablesRngsAndVariablesFilters() {
    SeedGoldens.Program p = GOLDENS.program("map_variables_rngs_filter");
    ApplyOptions keys = ApplyOptions.none().rngs(Map.of("params", Random.key(1), "dropout", Random.key(2)));
    assertTreeClose(p.value("filtered"), MapVariables.mapVariables("params").rngs("params").module(DrawOnce::new)
        .apply(Map.of(), keys));
    assertTreeClose(p.value("all"), MapVariables.mapVariables("params").module(DrawOnce::new).apply(Map.of(), keys));
    SeedGoldens.Program filtered = GOLDENS.program("map_variables_variables_filter");
    assertEquals("ScopeCollectionNotFound", filtered.exceptionClass());
    Map<String, Map<String, Object>> state = Map.of("state", Map.of("s", Jnp.ones()));
    assertEquals(filtered.exceptionMessage(), assertThrows(ScopeCollectionNotFound.class,
        () -> MapVariables.mapVariables("params").variables("params").module(ReadState::new).apply(state))
        .getMessage());
    assertTreeClose(Jnp.ones(), MapVariables.mapVariables("params").module(ReadState::new).apply(state));
  }

  @Test
  void whileLoopWithoutBroadcastVariables() {
    SeedGoldens.Program p = GOLDENS.program("while_loop_without_broadcast");
    assertEquals("ScopeCollectionNotFound", p.exceptionClass());
    Map<String, Map<String, Object>> variables = new SeedControlFlowTest.WhileLoopExample().init(Random.key(0),
        Jnp.ones(2, 2));
    ModuleMethod cond = (mdl, c) -> Jnp.less(mdl.variables().get("state").get("acc"), 10);
    ModuleMethod body = (mdl, c) -> {
      Variable acc = mdl.variable("state", "acc", null);
      acc.setValue(Jnp.add(acc.value(), 1));
      return new Dense(2).call((Value) c[0]);
    };
    Module loop = new Module() {
      @Override
      protected Object forward(Object... a) {
        return WhileLoop.whileLoop().carryVariables("state").broadcastVariables(false).call(cond, body, this, a[0]);
      }
    };
    assertEquals(p.exceptionMessage(), assertThrows(ScopeCollectionNotFound.class,
        () -> loop.apply(variables, ApplyOptions.none().mutable(List.of("state")), Jnp.ones(2, 2))).getMessage());
  }
}
