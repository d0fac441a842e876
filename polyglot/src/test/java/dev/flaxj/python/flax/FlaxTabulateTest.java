package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Module.tabulate} and {@code nn.tabulate} draw the table Flax draws with rich, character
 * for character (ANSI styles included). The expected tables were printed by flax 0.12.8 (rich on
 * CPython, default arguments; for {@code Foo} with PYTHONHASHSEED=2, since Flax orders the
 * collection columns by a set of their names).
 */
class FlaxTabulateTest {
  private static FlaxPython py;

  @BeforeAll
  static void open() {
    py = new FlaxPython(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  private static final String CHECKPOINTED_MLP = "class CheckpointedMLP(nn.Module):\n"
      + "  @nn.checkpoint\n"
      + "  @nn.compact\n"
      + "  def __call__(self, x):\n"
      + "    x = nn.Dense(128)(x)\n"
      + "    x = nn.relu(x)\n"
      + "    x = nn.Dense(1)(x)\n"
      + "    return x\n";

  /** From flax 0.12.8: CheckpointedMLP().tabulate(jax.random.key(0), jnp.ones((1, 16))). */
  private static final String CHECKPOINTED_MLP_TABLE = ""
      + "\n"
      + "\u001b[3m                            CheckpointedMLP Summary                             \u001b[0m\n"
      + "┏━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓\n"
      + "┃\u001b[1m \u001b[0m\u001b[1mpath   \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1mmodule         \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1minputs        \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1moutputs       \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1mparams        \u001b[0m\u001b[1m \u001b[0m┃\n"
      + "┡━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩\n"
      + "│         │ CheckpointedMLP │ \u001b[2mfloat32\u001b[0m[1,16]  │ \u001b[2mfloat32\u001b[0m[1,1]   │                │\n"
      + "├─────────┼─────────────────┼────────────────┼────────────────┼────────────────┤\n"
      + "│ Dense_0 │ Dense           │ \u001b[2mfloat32\u001b[0m[1,16]  │ \u001b[2mfloat32\u001b[0m[1,128] │ bias:          │\n"
      + "│         │                 │                │                │ \u001b[2mfloat32\u001b[0m[128]   │\n"
      + "│         │                 │                │                │ kernel:        │\n"
      + "│         │                 │                │                │ \u001b[2mfloat32\u001b[0m[16,12… │\n"
      + "│         │                 │                │                │                │\n"
      + "│         │                 │                │                │ \u001b[1m2,176 \u001b[0m\u001b[1;2m(8.7 KB)\u001b[0m │\n"
      + "├─────────┼─────────────────┼────────────────┼────────────────┼────────────────┤\n"
      + "│ Dense_1 │ Dense           │ \u001b[2mfloat32\u001b[0m[1,128] │ \u001b[2mfloat32\u001b[0m[1,1]   │ bias:          │\n"
      + "│         │                 │                │                │ \u001b[2mfloat32\u001b[0m[1]     │\n"
      + "│         │                 │                │                │ kernel:        │\n"
      + "│         │                 │                │                │ \u001b[2mfloat32\u001b[0m[128,1] │\n"
      + "│         │                 │                │                │                │\n"
      + "│         │                 │                │                │ \u001b[1m129 \u001b[0m\u001b[1;2m(516 B)\u001b[0m    │\n"
      + "├─────────┼─────────────────┼────────────────┼────────────────┼────────────────┤\n"
      + "│\u001b[1m \u001b[0m\u001b[1m       \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m               \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m              \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m         Total\u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m2,305 \u001b[0m\u001b[1;2m(9.2 KB)\u001b[0m\u001b[1m \u001b[0m│\n"
      + "└─────────┴─────────────────┴────────────────┴────────────────┴────────────────┘\n"
      + "\u001b[1m                                                                                \u001b[0m\n"
      + "\u001b[1m                        Total Parameters: 2,305 \u001b[0m\u001b[1;2m(9.2 KB)\u001b[0m\u001b[1m                        \u001b[0m\n"
      + "\n";

  /** From flax 0.12.8 (PYTHONHASHSEED=2): Foo().tabulate(jax.random.key(0), jnp.ones((3, 5))). */
  private static final String FOO_TABLE = ""
      + "\n"
      + "\u001b[3m                                  Foo Summary                                   \u001b[0m\n"
      + "┏━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━┓\n"
      + "┃\u001b[1m \u001b[0m\u001b[1mpath      \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1mmodule   \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1minputs     \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1moutputs   \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1mparams     \u001b[0m\u001b[1m \u001b[0m┃\u001b[1m \u001b[0m\u001b[1mstats     \u001b[0m\u001b[1m \u001b[0m┃\n"
      + "┡━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━┩\n"
      + "│            │ Foo       │ \u001b[2mfloat32\u001b[0m[3,… │ -          │             │ count:     │\n"
      + "│            │           │             │ \u001b[2mfloat32\u001b[0m[3… │             │ \u001b[2mint32\u001b[0m[]    │\n"
      + "│            │           │             │ -          │             │            │\n"
      + "│            │           │             │ \u001b[2mfloat32\u001b[0m[]  │             │ \u001b[1m1 \u001b[0m\u001b[1;2m(4 B)\u001b[0m    │\n"
      + "├────────────┼───────────┼─────────────┼────────────┼─────────────┼────────────┤\n"
      + "│ Dense_0    │ Dense     │ \u001b[2mfloat32\u001b[0m[3,… │ \u001b[2mfloat32\u001b[0m[3… │ bias:       │            │\n"
      + "│            │           │             │            │ \u001b[2mfloat32\u001b[0m[4]  │            │\n"
      + "│            │           │             │            │ kernel:     │            │\n"
      + "│            │           │             │            │ \u001b[2mfloat32\u001b[0m[5,… │            │\n"
      + "│            │           │             │            │             │            │\n"
      + "│            │           │             │            │ \u001b[1m24 \u001b[0m\u001b[1;2m(96 B)\u001b[0m   │            │\n"
      + "├────────────┼───────────┼─────────────┼────────────┼─────────────┼────────────┤\n"
      + "│ LayerNorm… │ LayerNorm │ \u001b[2mfloat32\u001b[0m[3,… │ \u001b[2mfloat32\u001b[0m[3… │ bias:       │            │\n"
      + "│            │           │             │            │ \u001b[2mfloat32\u001b[0m[4]  │            │\n"
      + "│            │           │             │            │ scale:      │            │\n"
      + "│            │           │             │            │ \u001b[2mfloat32\u001b[0m[4]  │            │\n"
      + "│            │           │             │            │             │            │\n"
      + "│            │           │             │            │ \u001b[1m8 \u001b[0m\u001b[1;2m(32 B)\u001b[0m    │            │\n"
      + "├────────────┼───────────┼─────────────┼────────────┼─────────────┼────────────┤\n"
      + "│ Dense_1    │ Dense     │ \u001b[2mfloat32\u001b[0m[3,… │ \u001b[2mfloat32\u001b[0m[3… │ kernel:     │            │\n"
      + "│            │           │             │            │ \u001b[2mfloat32\u001b[0m[4,… │            │\n"
      + "│            │           │             │            │             │            │\n"
      + "│            │           │             │            │ \u001b[1m8 \u001b[0m\u001b[1;2m(32 B)\u001b[0m    │            │\n"
      + "├────────────┼───────────┼─────────────┼────────────┼─────────────┼────────────┤\n"
      + "│\u001b[1m \u001b[0m\u001b[1m          \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m         \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m           \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m     Total\u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m40 \u001b[0m\u001b[1;2m(160 B)\u001b[0m\u001b[1m \u001b[0m\u001b[1m \u001b[0m│\u001b[1m \u001b[0m\u001b[1m1 \u001b[0m\u001b[1;2m(4 B)\u001b[0m\u001b[1m   \u001b[0m\u001b[1m \u001b[0m│\n"
      + "└────────────┴───────────┴─────────────┴────────────┴─────────────┴────────────┘\n"
      + "\u001b[1m                                                                                \u001b[0m\n"
      + "\u001b[1m                          Total Parameters: 41 \u001b[0m\u001b[1;2m(164 B)\u001b[0m\u001b[1m                          \u001b[0m\n"
      + "\n";

  @Test
  void checkpointedMlpTableIsFlaxs() {
    assertEquals(CHECKPOINTED_MLP_TABLE, py.string(CHECKPOINTED_MLP
        + "s = CheckpointedMLP().tabulate(jax.random.key(0), jnp.ones((1, 16)))", "s"));
  }

  @Test
  void nnTabulateGivesTheSameTable() {
    assertEquals(CHECKPOINTED_MLP_TABLE, py.string(CHECKPOINTED_MLP
        + "s = nn.tabulate(CheckpointedMLP(), jax.random.key(0))(jnp.ones((1, 16)))", "s"));
  }

  @Test
  void tableWithTwoCollectionsShrinksColumnsAsRichDoes() {
    assertEquals(FOO_TABLE, py.string("class Foo(nn.Module):\n"
        + "  @nn.compact\n"
        + "  def __call__(self, x):\n"
        + "    h = nn.Dense(4)(x)\n"
        + "    h = nn.LayerNorm()(h)\n"
        + "    c = self.variable('stats', 'count', lambda: jnp.zeros((), jnp.int32))\n"
        + "    return nn.Dense(2, use_bias=False)(h), h.sum()\n"
        + "s = Foo().tabulate(jax.random.key(0), jnp.ones((3, 5)))", "s"));
  }

  @Test
  void optionsNotDrawnAreRefusedByName() {
    String msg = py.string(CHECKPOINTED_MLP
        + "try:\n"
        + "  CheckpointedMLP().tabulate(jax.random.key(0), jnp.ones((1, 16)), depth=1)\n"
        + "  s = 'no error'\n"
        + "except NotImplementedError as e:\n"
        + "  s = str(e)\n", "s");
    assertTrue(msg.contains("depth"), msg);
  }
}
