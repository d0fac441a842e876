package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Dropout;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.linen.Sequential;
import dev.flaxj.linen.Variable;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.control.ControlFlowTypeError;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed examples #7, #8, #13-#16 of the Flax "Transformations" page (remat_scan, map_variables,
 * while_loop, cond, switch) and a lifted jit, against {@code seed-control_flow.json} recorded
 * from flax 0.12.8 (programs in conformance-tests/tools/seed_programs/control_flow.py).
 */
class SeedControlFlowTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("control_flow");

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> vars(Object v) {
    return (Map<String, Map<String, Object>>) v;
  }

  private static ApplyOptions mutable(Object filter) {
    return ApplyOptions.none().mutable(filter);
  }

  @Test
  void recordedWithTheFlaxVersionOfTheIssue() {
    assertEquals("0.12.8", GOLDENS.header("flax"));
    assertEquals("0.10.2", GOLDENS.header("jax"));
  }

  /** #7: {@code nn.remat_scan(nn.Dense, lengths=(10, 10))}, {@code DenseStack(8, name="dense_stack")}. */
  static final class BigModel extends Module {
    @Override
    protected Object forward(Object... a) {
      return RematScan.rematScan(10, 10).module("dense_stack", () -> new Dense(8)).call(a[0]);
    }
  }

  @Test
  void rematScanBigModel() {
    SeedGoldens.Program p = GOLDENS.program("remat_scan_big_model");
    Tuple out = new BigModel().initWithOutput(Random.key(0), p.value("x"));
    Map<?, ?> stack = (Map<?, ?>) vars(out.get(1)).get("params").get("dense_stack");
    assertEquals(p.value("shapes"), Trees.map((Value v) -> Arrays.stream(v.shape().dims()).boxed().toList(), out.get(1)));
    for (int i : new int[] {0, 5, 9}) {
      assertTreeClose(p.value("kernel_" + i), Jnp.index((Value) stack.get("kernel"), Index.at(i)));
    }
    assertTreeClose(p.value("bias"), stack.get("bias"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("y_apply_2x"),
        new BigModel().apply(vars(out.get(1)), Jnp.multiply(p.value("x"), 2f)));
  }

  /** #8: CausalDense, {@code nn.map_variables(nn.Dense, 'params', self.apply_mask, init=...)} in setup. */
  static final class CausalDense extends Module {
    final int features;
    Module dense;

    CausalDense(int features) {
      this.features = features;
    }

    Object applyMask(Object variables) {
      return isInitializing() ? variables : Trees.map((Value v) -> Jnp.triu(v), variables);
    }

    @Override
    protected void setup() {
      dense = MapVariables.mapVariables("params").transInFn(this::applyMask).init(isInitializing())
          .module(() -> new Dense(features, false, Initializers.lecunNormal(), Initializers.zeros(), null));
    }

    @Override
    protected Object forward(Object... a) {
      return dense.call(a);
    }
  }

  @Test
  void mapVariablesCausalDense() {
    SeedGoldens.Program p = GOLDENS.program("map_variables_causal_dense");
    Tuple out = new CausalDense(5).initWithOutput(Random.key(0), Jnp.ones(1, 5));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_init"), out.get(0));
    assertTreeClose(p.value("y_apply"), new CausalDense(5).apply(vars(out.get(1)), p.value("x")));
  }

  /** #13: WhileLoopExample. */
  static final class WhileLoopExample extends Module {
    @Override
    protected Object forward(Object... a) {
      ModuleMethod condFn = (mdl, c) -> Jnp.less(mdl.variables().get("state").get("acc"), 10);
      ModuleMethod bodyFn = (mdl, c) -> {
        Variable acc = mdl.variable("state", "acc", args -> Jnp.array(0));
        acc.setValue(Jnp.add(acc.value(), 1));
        Value x = (Value) c[0];
        return new Dense(x.shape().dim(x.rank() - 1)).call(x);
      };
      if (isMutableCollection("params")) {
        return bodyFn.call(this, a[0]);
      }
      return WhileLoop.whileLoop().carryVariables("state").call(condFn, bodyFn, this, a[0]);
    }
  }

  @Test
  void whileLoop() {
    SeedGoldens.Program p = GOLDENS.program("while_loop");
    Map<String, Map<String, Object>> initial = new WhileLoopExample().init(Random.key(0), p.value("x"));
    assertTreeClose(p.value("initial_vars"), initial);
    Tuple r = (Tuple) new WhileLoopExample().apply(initial, mutable(List.of("state")), p.value("x"));
    assertTreeClose(p.value("result"), r.get(0));
    assertTreeClose(p.value("state"), r.get(1));
  }

  /** {@code mdl.variable(col, name).value += 1}. */
  static void increment(Module mdl, String name) {
    Variable v = mdl.variable("state", name, null);
    v.setValue(Jnp.add(v.value(), 1));
  }

  /** #14: CondExample. */
  static final class CondExample extends Module {
    @Override
    protected Object forward(Object... a) {
      variable("state", "true_count", args -> 0);
      variable("state", "false_count", args -> 0);
      ModuleMethod trueFn = (mdl, x) -> {
        increment(mdl, "true_count");
        return new Dense(2, "dense").call((Value) x[0]);
      };
      ModuleMethod falseFn = (mdl, x) -> {
        increment(mdl, "false_count");
        return Jnp.negative(new Dense(2, "dense").call((Value) x[0]));
      };
      return Cond.cond().call(a[1], trueFn, falseFn, this, a[0]);
    }
  }

  @Test
  void cond() {
    SeedGoldens.Program p = GOLDENS.program("cond");
    Object x = p.value("x");
    Tuple out = new CondExample().initWithOutput(Random.key(0), x, true);
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_init"), out.get(0));
    Tuple t = (Tuple) new CondExample().apply(vars(out.get(1)), mutable("state"), x, true);
    Tuple f = (Tuple) new CondExample().apply(vars(out.get(1)), mutable("state"), x, false);
    assertTreeClose(p.value("y_true"), t.get(0));
    assertTreeClose(p.value("state_true"), t.get(1));
    assertTreeClose(p.value("y_false"), f.get(0));
    assertTreeClose(p.value("state_false"), f.get(1));
  }

  @Test
  void condInitialisedWithFalseKeepsTheFalseBranchParams() {
    SeedGoldens.Program p = GOLDENS.program("cond_init_false");
    Tuple out = new CondExample().initWithOutput(Random.key(0), p.value("x"), false);
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_init"), out.get(0));
  }

  static final class OneSided extends Module {
    @Override
    protected Object forward(Object... a) {
      return Cond.cond().call(a[1], (mdl, x) -> new Dense(3, "dense").call((Value) x[0]), (mdl, x) -> x[0], this, a[0]);
    }
  }

  @Test
  void condWithAParamInOneBranchOnlyIsABranchTypeError() {
    SeedGoldens.Program p = GOLDENS.program("cond_param_in_one_branch");
    assertEquals("TypeError", p.exceptionClass());
    ControlFlowTypeError e = assertThrows(ControlFlowTypeError.class,
        () -> new OneSided().init(Random.key(0), Jnp.ones(1, 3), true));
    String firstLine = p.exceptionMessage().split("\n")[0];
    assertTrue(e.getMessage().startsWith(firstLine), e.getMessage());
  }

  /** #15: SwitchExample. */
  static final class SwitchExample extends Module {
    @Override
    protected Object forward(Object... a) {
      for (String c : List.of("a_count", "b_count", "c_count")) {
        variable("state", c, args -> 0);
      }
      ModuleMethod aFn = (mdl, x) -> {
        increment(mdl, "a_count");
        return new Dense(2, "dense").call((Value) x[0]);
      };
      ModuleMethod bFn = (mdl, x) -> {
        increment(mdl, "b_count");
        return Jnp.negative(new Dense(2, "dense").call((Value) x[0]));
      };
      ModuleMethod cFn = (mdl, x) -> {
        increment(mdl, "c_count");
        return new Dense(2, "dense").call((Value) x[0]);
      };
      return Switch.switchCase().call(a[1], List.of(aFn, bFn, cFn), this, a[0]);
    }
  }

  @Test
  void switchWithThreeBranches() {
    SeedGoldens.Program p = GOLDENS.program("switch");
    Object x = p.value("x");
    Tuple out = new SwitchExample().initWithOutput(Random.key(0), x, 1);
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_init"), out.get(0));
    for (int i : new int[] {0, 1, 2, 7}) {
      Tuple r = (Tuple) new SwitchExample().apply(vars(out.get(1)), mutable("state"), x, i);
      assertTreeClose(p.value("y_" + i), r.get(0));
      assertTreeClose(p.value("state_" + i), r.get(1));
    }
  }

  /** #16: MultiHeadSwitchExample (setup heads, all branches run on init). */
  static final class MultiHeadSwitchExample extends Module {
    List<Module> heads;

    @Override
    protected void setup() {
      heads = List.of(new Sequential(new Dense(10), new Dense(7), new Dense(5)),
          new Sequential(new Dense(11), new Dense(5)), new Dense(5));
    }

    @Override
    protected Object forward(Object... a) {
      List<ModuleMethod> branches = List.of(
          (mdl, x) -> ((MultiHeadSwitchExample) mdl).heads.get(0).call(x),
          (mdl, x) -> ((MultiHeadSwitchExample) mdl).heads.get(1).call(x),
          (mdl, x) -> ((MultiHeadSwitchExample) mdl).heads.get(2).call(x));
      if (isMutableCollection("params")) {
        for (ModuleMethod branch : branches) {
          branch.call(this, a[0]);
        }
      }
      return Switch.switchCase().call(a[1], branches, this, a[0]);
    }
  }

  @Test
  void multiHeadSwitch() {
    SeedGoldens.Program p = GOLDENS.program("switch_multihead");
    Object x = p.value("x");
    Tuple out = new MultiHeadSwitchExample().initWithOutput(Random.key(0), x, 0);
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_init"), out.get(0));
    for (int i = 0; i < 3; i++) {
      assertTreeClose(p.value("y_" + i), new MultiHeadSwitchExample().apply(vars(out.get(1)), x, i));
    }
  }

  /** A Dense then Dropout, jitted with {@code train} static. */
  static final class Block extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = new Dense(4).call((Value) a[0]);
      return new Dropout(0.5, !(Boolean) a[1]).call(x);
    }
  }

  static final class JitModel extends Module {
    @Override
    protected Object forward(Object... a) {
      Value y = (Value) Jit.jit().staticArgnums(2).module(Block::new).call(a[0], true);
      return Jnp.add(y, param("after", (key, args) -> Random.normal(key, 4)));
    }
  }

  @Test
  void jitForksTheModuleRngs() {
    SeedGoldens.Program p = GOLDENS.program("jit_dense_dropout");
    Object x = p.value("x");
    Tuple out = new JitModel().initWithOutput(Map.of("params", Random.key(0), "dropout", Random.key(1)), x);
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_init"), out.get(0));
    assertTreeClose(p.value("y_apply_key2"), new JitModel().apply(vars(out.get(1)),
        ApplyOptions.none().rngs(Map.of("dropout", Random.key(2))), x));
    assertTreeClose(p.value("y_apply_key3"), new JitModel().apply(vars(out.get(1)),
        ApplyOptions.none().rngs(Map.of("dropout", Random.key(3))), x));
  }
}
