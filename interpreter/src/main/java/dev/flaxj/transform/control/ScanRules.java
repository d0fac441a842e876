package dev.flaxj.transform.control;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The transformation rules of {@code scan}, registered into each rule table. */
public final class ScanRules {
  private ScanRules() {}

  public static void registerJvp() {
    JvpRules.register(ScanPrimitive.SCAN, ScanRules::jvp);
  }

  /**
   * JAX's {@code _scan_jvp}: the body is differentiated with respect to the nonzero consts and
   * sequences and the carries whose tangents can become nonzero (a fixpoint over the body); one
   * scan then carries primals and tangents, with the const and sequence tangents as extra consts
   * and sequences.
   */
  static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    ScanPrimitive.Loop loop = ScanPrimitive.Loop.of(params);
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    int nxs = loop.numXs();
    int nys = loop.numYs();
    boolean[] nz = CondRules.nonzeros(tangents);
    boolean[] constNz = Lists.slice(nz, 0, nc);
    boolean[] carryNz = Lists.slice(nz, nc, ncarry);
    boolean[] xsNz = Lists.slice(nz, nc + ncarry, nxs);
    JaxprTransforms.JvpJaxpr bodyJvp;
    while (true) {
      bodyJvp = JaxprTransforms.jvpJaxpr(loop.jaxpr(), Lists.concat(constNz, carryNz, xsNz),
          Lists.concat(carryNz, new boolean[nys]));
      boolean[] carryNzOut = Lists.slice(bodyJvp.nonzerosOut(), 0, ncarry);
      if (Arrays.equals(carryNzOut, carryNz)) {
        break;
      }
      carryNz = Lists.or(carryNz, carryNzOut);
    }
    List<Value> constsDot = Lists.select(constNz, tangents.subList(0, nc), true);
    List<Value> initDot = Tangents.instantiate(Lists.select(carryNz, tangents.subList(nc, nc + ncarry), true));
    List<Value> xsDot = Lists.select(xsNz, tangents.subList(nc + ncarry, primals.size()), true);
    boolean[] nzOut = bodyJvp.nonzerosOut();
    int ysDot = Lists.count(nzOut) - initDot.size();
    ClosedJaxpr body = JaxprSurgery.rearrange(bodyJvp.jaxpr(), new int[] {nc, ncarry, nxs},
        new int[] {constsDot.size(), initDot.size(), xsDot.size()}, new int[] {ncarry, nys},
        new int[] {initDot.size(), ysDot});
    ScanPrimitive.Loop jvpLoop = loop.with(body, nc + constsDot.size(), ncarry + initDot.size());
    List<Value> out = jvpLoop.bind(Lists.concat(primals.subList(0, nc), constsDot),
        Lists.concat(primals.subList(nc, nc + ncarry), initDot),
        Lists.concat(primals.subList(nc + ncarry, primals.size()), xsDot));
    // out = [*carry, *carry tangents, *ys, *ys tangents]
    List<Value> primalsOut = Lists.concat(out.subList(0, ncarry),
        out.subList(ncarry + initDot.size(), ncarry + initDot.size() + nys));
    List<Value> nzTangents = Lists.concat(out.subList(ncarry, ncarry + initDot.size()),
        out.subList(ncarry + initDot.size() + nys, out.size()));
    List<Value> tangentsOut = new ArrayList<>(primalsOut.size());
    int k = 0;
    for (int j = 0; j < primalsOut.size(); j++) {
      tangentsOut.add(nzOut[j] ? nzTangents.get(k++) : Zero.of(primalsOut.get(j).aval()));
    }
    return new JvpResult(primalsOut, tangentsOut);
  }

  public static void registerBatching() {
    BatchRules.register(ScanPrimitive.SCAN, ScanRules::batch);
  }

  /**
   * JAX's {@code _scan_batching_rule}: which carries are batched is a fixpoint over the body
   * (an unbatched initial carry the body batches is broadcast). Consts and carries get their
   * batch at dimension 0, sequences at dimension 1 (after the scanned axis), and so do the
   * stacked outputs.
   */
  static BatchResult batch(List<Value> args, int[] dims, Params params, AxisData axis) {
    ScanPrimitive.Loop loop = ScanPrimitive.Loop.of(params);
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    int nys = loop.numYs();
    boolean[] batched = Lists.mapped(dims);
    boolean[] constB = Lists.slice(batched, 0, nc);
    boolean[] carryB = Lists.slice(batched, nc, ncarry);
    boolean[] xsB = Lists.slice(batched, nc + ncarry, loop.numXs());
    JaxprTransforms.BatchedJaxpr body;
    while (true) {
      body = JaxprTransforms.batchJaxpr(loop.jaxpr(), axis, Lists.concat(constB, carryB, xsB),
          Lists.concat(carryB, new boolean[nys]));
      boolean[] carryOut = Lists.slice(body.outBatched(), 0, ncarry);
      if (Arrays.equals(carryOut, carryB)) {
        break;
      }
      carryB = Lists.or(carryB, carryOut);
    }
    List<Value> moved = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      boolean isXs = i >= nc + ncarry;
      boolean wanted = i < nc ? constB[i] : isXs ? xsB[i - nc - ncarry] : carryB[i - nc];
      moved.add(wanted ? Batching.moveBatch(args.get(i), dims[i], isXs ? 1 : 0, axis.size()) : args.get(i));
    }
    List<Value> out = loop.with(body.jaxpr(), nc, ncarry).bind(moved.subList(0, nc),
        moved.subList(nc, nc + ncarry), moved.subList(nc + ncarry, moved.size()));
    boolean[] ysB = Lists.slice(body.outBatched(), ncarry, nys);
    return new BatchResult(out, Lists.concat(JaxprTransforms.dims(carryB, 0, BatchRules.NOT_MAPPED),
        JaxprTransforms.dims(ysB, 1, BatchRules.NOT_MAPPED)));
  }
}
