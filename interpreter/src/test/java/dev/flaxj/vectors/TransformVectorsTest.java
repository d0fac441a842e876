package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.partial.Hessian;
import dev.flaxj.transform.partial.Jacrev;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code jax-vectors/transforms.json}: issue 3's composition matrix (every ordered pair
 * of jit, vmap, grad, jvp, scan, cond, checkpoint and custom_vjp, the reverse-mode derivative of
 * each pair, while_loop forward under jit, vmap and jvp, and second derivatives), recorded from
 * real JAX and rebuilt with the Java transformation APIs from {@link TransformPrograms}.
 */
class TransformVectorsTest {
  private static final String FILE = "transforms.json";
  private static final List<String> SECOND_ORDER_PROGRAMS = List.of("base", "scan", "cond", "checkpoint", "custom_vjp");

  @TestFactory
  Stream<DynamicTest> transformVectors() {
    return VectorReplay.tests(FILE, dispatcher());
  }

  /** Every ordered pair, its derivative and the other programs have their recorded cases. */
  @Test
  void everyCompositionIsRecorded() {
    Set<String> recorded = new LinkedHashSet<>();
    VectorFile.load(FILE).cases().forEach(c -> recorded.add(c.fn()));
    assertEquals(programs().keySet(), recorded);
    assertEquals(64, pairNames().size());
  }

  static Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher();
    programs().forEach((name, f) -> d.on(name, a -> f.apply(a.array("x"))));
    return d;
  }

  /** The "outer of inner" names of the ordered pairs, in the recorder's order. */
  static List<String> pairNames() {
    List<String> out = new ArrayList<>();
    for (String outer : TransformPrograms.PAIR_TRANSFORMS) {
      for (String inner : TransformPrograms.PAIR_TRANSFORMS) {
        out.add(outer + " of " + inner);
      }
    }
    return out;
  }

  /** Each recorded case name and its program, in the recorder's order. */
  static Map<String, TreeFunction> programs() {
    Map<String, TreeFunction> out = new LinkedHashMap<>();
    for (String pair : pairNames()) {
      out.put(pair, TransformPrograms.program(List.of(pair.split(" of "))));
    }
    for (String pair : pairNames()) {
      out.put("grad of " + pair, TransformPrograms.program(List.of(("grad of " + pair).split(" of "))));
    }
    for (String name : List.of("while_loop", "jit of while_loop", "vmap of while_loop", "jvp of while_loop")) {
      out.put(name, TransformPrograms.program(List.of(name.split(" of "))));
    }
    for (String name : SECOND_ORDER_PROGRAMS) {
      out.put("hessian of " + name, Hessian.hessian(scalarProgram(name)));
    }
    for (String name : SECOND_ORDER_PROGRAMS) {
      out.put("jacfwd of jacrev of " + name, Jvp.jacfwd(Jacrev.jacrev(scalarProgram(name))));
    }
    return out;
  }

  private static TreeFunction scalarProgram(String name) {
    return TransformPrograms.scalar(TransformPrograms.program(List.of(name)));
  }
}
