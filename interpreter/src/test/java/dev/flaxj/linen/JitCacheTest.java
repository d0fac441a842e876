package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.assertClose;
import static dev.flaxj.linen.LinenTesting.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.flaxj.array.Value;
import dev.flaxj.linen.transforms.FoldRngs;
import dev.flaxj.linen.transforms.Jit;
import dev.flaxj.linen.transforms.ModuleTransform;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code nn.jit}'s cache keyed by the module fingerprint, and {@code nn.fold_rngs}' counter replay,
 * against flax 0.12.8 (the programs are quoted in each test). Traces are counted by the body, which
 * runs only when the function is traced.
 */
class JitCacheTest {
  private static final int[] ROW2 = {1, 2};
  private static final int[] ROW3 = {1, 3};

  /** {@code Dense(features)(x) + normal(make_rng('dropout'), (features,))}, counting its traces. */
  static final class Noisy extends Module {
    final int features;
    final transient AtomicInteger traces;

    Noisy(int features, AtomicInteger traces) {
      this.features = features;
      this.traces = traces;
    }

    Noisy(int features, AtomicInteger traces, String name) {
      super(name);
      this.features = features;
      this.traces = traces;
    }

    @Override
    protected Object forward(Object... a) {
      traces.incrementAndGet();
      return Jnp.add(new Dense(features).call((Value) a[0]), Random.normal(makeRng("dropout"), features));
    }
  }

  /** {@code m = T(Noisy)(2); return m(x), m(x), normal(make_rng('dropout'), (2,))}. */
  static final class CalledTwice extends Module {
    final ModuleTransform transform;
    final transient AtomicInteger traces;

    CalledTwice(ModuleTransform transform, AtomicInteger traces) {
      this.transform = transform;
      this.traces = traces;
    }

    @Override
    protected Object forward(Object... a) {
      Module m = transform.module(() -> new Noisy(2, traces));
      return Tuple.of(m.call(a[0]), m.call(a[0]), Random.normal(makeRng("dropout"), 2));
    }
  }

  private static final Value X = Jnp.ones(1, 3);

  private static Map<String, Value> initRngs() {
    return Map.of("params", Random.key(0), "dropout", Random.key(1));
  }

  private static ApplyOptions dropout(int seed) {
    return ApplyOptions.none().rngs(Map.of("dropout", Random.key(seed)));
  }

  @Test
  void aSecondApplyRunsTheCompiledProgramAndReplaysTheRngCounters() {
    AtomicInteger traces = new AtomicInteger();
    CalledTwice top = new CalledTwice(Jit.jit(), traces);
    Map<String, Map<String, Object>> v = top.init(initRngs(), X);
    // from flax 0.12.8: JNoisy = nn.jit(Noisy); the second call of m sees other RNG counts, so 2 traces
    assertEquals(2, traces.get());
    assertClose(new float[] {0.1860664337873459f, 0.835125744342804f, 0.39362776279449463f, 0.06759204715490341f,
        0.7582924962043762f, -0.25421831011772156f}, new int[] {3, 2}, leaf(v, "params", "JitNoisy_0", "Dense_0",
        "kernel"));
    traces.set(0);
    Tuple first = (Tuple) top.apply(v, dropout(2), X);
    // from flax 0.12.8: apply traces anew (params are not mutable now), twice
    assertEquals(2, traces.get());
    assertClose(new float[] {2.9890050888061523f, 1.340363621711731f}, ROW2, first.get(0));
    assertClose(new float[] {0.10375133901834488f, -0.7050744891166687f}, ROW2, first.get(1));
    assertClose(new float[] {-0.2998703122138977f, -0.040714625269174576f}, new int[] {2}, first.get(2));
    Tuple second = (Tuple) top.apply(v, dropout(3), X);
    // from flax 0.12.8: no trace at all; the second call's key matches only because the first
    // (cached) call's counter changes were replayed
    assertEquals(2, traces.get());
    assertClose(new float[] {-0.4294794499874115f, -0.5887096524238586f}, ROW2, second.get(0));
    assertClose(new float[] {1.7408804893493652f, 1.0527095794677734f}, ROW2, second.get(1));
    assertClose(new float[] {-0.23570311069488525f, -0.35905271768569946f}, new int[] {2}, second.get(2));
  }

  /** {@code JNoisy(2, name='a')(x), JNoisy(2, name='a2')(x), JNoisy(3, name='b')(x)} of one transform. */
  static final class ThreeNamed extends Module {
    final Jit jit;
    final transient AtomicInteger traces;

    ThreeNamed(Jit jit, AtomicInteger traces) {
      this.jit = jit;
      this.traces = traces;
    }

    @Override
    protected Object forward(Object... a) {
      return Tuple.of(jit.module("a", () -> new Noisy(2, traces)).call(a[0]),
          jit.module("a2", () -> new Noisy(2, traces)).call(a[0]),
          jit.module("b", () -> new Noisy(3, traces)).call(a[0]));
    }
  }

  @Test
  void modulesWithEqualFieldsShareATraceWhateverTheirNameAndOtherFieldsRetrace() {
    AtomicInteger traces = new AtomicInteger();
    ThreeNamed top = new ThreeNamed(Jit.jit(), traces);
    Map<String, Map<String, Object>> v = top.init(initRngs(), X);
    // from flax 0.12.8: 'a2' reuses the trace of 'a' (names are not in the fingerprint), 'b' has 3 features
    assertEquals(2, traces.get());
    assertClose(new float[] {0.8686957955360413f, -1.0418498516082764f, 0.03283577039837837f, -0.5624147057533264f,
        -0.8387330770492554f, -0.1372871994972229f}, new int[] {3, 2}, leaf(v, "params", "a2", "Dense_0", "kernel"));
    traces.set(0);
    Tuple y = (Tuple) top.apply(v, dropout(2), X);
    // from flax 0.12.8
    assertEquals(2, traces.get());
    assertClose(new float[] {1.3053301572799683f, 0.3745150864124298f}, ROW2, y.get(0));
    assertClose(new float[] {1.1358875036239624f, -1.6744372844696045f}, ROW2, y.get(1));
    assertClose(new float[] {-2.4186465740203857f, 0.6585444211959839f, 1.2707782983779907f}, ROW3, y.get(2));
  }

  @Test
  void foldRngsReplaysCountersLikeJit() {
    AtomicInteger traces = new AtomicInteger();
    CalledTwice top = new CalledTwice(FoldRngs.foldRngs(), traces);
    Map<String, Map<String, Object>> v = top.init(initRngs(), X);
    Tuple first = (Tuple) top.apply(v, dropout(2), X);
    // from flax 0.12.8: FNoisy = nn.fold_rngs(Noisy), params under 'Fold_rngsNoisy_0'
    assertClose(new float[] {0.7657003402709961f, -1.6524527072906494f}, ROW2, first.get(0));
    assertClose(new float[] {0.42544031143188477f, -3.6895694732666016f}, ROW2, first.get(1));
    Tuple second = (Tuple) top.apply(v, dropout(3), X);
    // from flax 0.12.8
    assertClose(new float[] {-1.7953521013259888f, -2.9089043140411377f}, ROW2, second.get(0));
    assertClose(new float[] {1.4632282257080078f, -1.5832581520080566f}, ROW2, second.get(1));
    assertClose(new float[] {-0.23570311069488525f, -0.35905271768569946f}, new int[] {2}, second.get(2));
  }

  @Test
  void theFingerprintIsTheConfigurationFieldsNotTheNameOrTransientFields() {
    AtomicInteger one = new AtomicInteger();
    assertEquals(new Noisy(2, one, "x").fingerprint(), new Noisy(2, new AtomicInteger(), "y").fingerprint());
    assertNotEquals(new Noisy(2, one).fingerprint(), new Noisy(3, one).fingerprint());
    assertEquals(new Noisy(2, one).fingerprint().hashCode(), new Noisy(2, one).fingerprint().hashCode());
  }
}
