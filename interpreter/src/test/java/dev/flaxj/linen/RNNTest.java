package dev.flaxj.linen;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;

import dev.flaxj.array.Value;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code nn.RNN} against the rnn_* programs of {@code seed-vmap_scan_checkpoint.json} (flax 0.12.8). */
class RNNTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");
  /** Orthogonal recurrent kernels differ from LAPACK's float32 QR by a few 1e-6 (see OrthogonalTest). */
  static final double TOLERANCE = 1e-5;

  private static void check(String program, UnaryOperator<RNN> configure) {
    SeedGoldens.Program p = GOLDENS.program(program);
    Value x = (Value) p.value("x");
    Map<String, Map<String, Object>> variables = configure.apply(new RNN(new LSTMCell(4))).init(Random.key(0), x);
    assertTreeClose(p.value("variables"), variables, TOLERANCE);
    assertTreeClose(p.value("out"), configure.apply(new RNN(new LSTMCell(4))).apply(variables, x), TOLERANCE);
  }

  @Test
  void defaults() {
    check("rnn_default", r -> r);
  }

  @Test
  void returnCarry() {
    check("rnn_return_carry", r -> r.returnCarry(true));
  }

  @Test
  void timeMajor() {
    check("rnn_time_major", r -> r.timeMajor(true));
  }

  @Test
  void reverse() {
    check("rnn_reverse", r -> r.reverse(true));
  }

  @Test
  void reverseKeepOrder() {
    check("rnn_reverse_keep_order", r -> r.reverse(true).keepOrder(true));
  }

  @Test
  void seqLengths() {
    SeedGoldens.Program p = GOLDENS.program("rnn_seq_lengths");
    Value x = (Value) p.value("x");
    Value lengths = (Value) p.value("seq_lengths");
    Map<String, Map<String, Object>> variables = new RNN(new LSTMCell(4)).init(Random.key(0), x);
    RNN rnn = new RNN(new LSTMCell(4)).reverse(true).keepOrder(true).returnCarry(true);
    Object out = rnn.apply(variables, ApplyOptions.none().method((m, a) -> ((RNN) m).call((Value) a[0], lengths, null)), x);
    assertTreeClose(p.value("out"), out, TOLERANCE);
  }

  static final class Foo extends Module {
    @Override
    protected Object forward(Object... a) {
      return new RNN(new LSTMCell(4)).call((Value) a[0]);
    }
  }

  @Test
  void cellBuiltInlineIsASibling() {
    SeedGoldens.Program p = GOLDENS.program("rnn_in_compact_module");
    Tuple out = new Foo().initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("variables"), out.get(1), TOLERANCE);
    assertTreeClose(p.value("y"), out.get(0), TOLERANCE);
  }
}
