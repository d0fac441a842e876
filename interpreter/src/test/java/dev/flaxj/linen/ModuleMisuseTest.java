package dev.flaxj.linen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.AssignSubModuleError;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Module misuse errors, with the messages real Flax gives (seed-vmap_scan_checkpoint.json, flax 0.12.8). */
class ModuleMisuseTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");

  /** Setup style with a non-compact forward that constructs a Dense anyway. */
  static final class NotCompact extends Module {
    @Override
    protected boolean compact() {
      return false;
    }

    @Override
    protected void setup() {}

    @Override
    protected Object forward(Object... a) {
      return new Dense(2).call((Value) a[0]);
    }
  }

  @Test
  void submoduleOutsideSetupAndCompactForward() {
    SeedGoldens.Program p = GOLDENS.program("error_assign_submodule");
    assertEquals("AssignSubModuleError", p.exceptionClass());
    AssignSubModuleError e = assertThrows(AssignSubModuleError.class,
        () -> new NotCompact().init(Random.key(0), Jnp.ones(2, 3)));
    assertEquals(p.exceptionMessage(), e.getMessage());
  }

  /** The same module using a setup submodule is fine. */
  static final class SetupStyle extends Module {
    Dense dense;

    @Override
    protected boolean compact() {
      return false;
    }

    @Override
    protected void setup() {
      dense = new Dense(2);
    }

    @Override
    protected Object forward(Object... a) {
      return dense.call((Value) a[0]);
    }
  }

  @Test
  void nonCompactForwardMayUseSetupSubmodules() {
    Map<String, Map<String, Object>> v = new SetupStyle().init(Random.key(0), Jnp.ones(2, 3));
    assertEquals(java.util.Set.of("dense"), v.get("params").keySet());
  }
}
