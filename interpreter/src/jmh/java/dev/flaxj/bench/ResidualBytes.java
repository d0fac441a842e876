package dev.flaxj.bench;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.remat.SavedResiduals;
import java.util.Map;

/**
 * Prints, per Dense-stack program, the bytes of the residuals that reverse mode saves for the
 * gradient of the loss with respect to the params ({@link SavedResiduals}: what the outer
 * {@code vjp} keeps from the forward pass for the backward pass; remat_scan's inner loops
 * recompute the rest during the backward pass). Output lines:
 * {@code program<TAB>count<TAB>bytes<TAB>computed bytes} (computed: arguments left out,
 * {@link SavedResiduals#computedBytes()}).
 *
 * <p>{@code java -cp benchmarks.jar dev.flaxj.bench.ResidualBytes [program...]}
 */
public final class ResidualBytes {
  private ResidualBytes() {}

  public static void main(String[] args) {
    String[] names = args.length > 0 ? args
        : new String[] {"remat_scan_8", "scan_100_8", "remat_scan_512", "scan_100_512"};
    for (String name : names) {
      FlaxPrograms.Program p = FlaxPrograms.byName(name);
      Object params = ((Map<?, ?>) p.init().get(1)).get("params");
      TreeFunction loss = p.loss();
      SavedResiduals saved = SavedResiduals.of(a -> loss.apply(a[0], p.x()), params);
      System.out.println(name + "\t" + saved.count() + "\t" + saved.totalBytes() + "\t"
          + saved.computedBytes());
    }
  }
}
