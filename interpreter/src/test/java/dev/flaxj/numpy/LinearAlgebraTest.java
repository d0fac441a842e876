package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** matmul, dot and einsum; expected values from jax 0.10.2. */
class LinearAlgebraTest {
  private static final Value X = Jnp.reshape(Jnp.arange(24.0), 2, 3, 4);
  private static final Value A = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
  private static final Value AT = Jnp.transpose(A);

  @Test
  void matmulShapes() {
    expect(Jnp.matmul(A, AT), "float32", false, shape(2, 2), 14, 32, 32, 77);
    expect(Jnp.matmul(X, Jnp.arange(4.0)), "float32", false, shape(2, 3),
        14, 38, 62, 86, 110, 134);
    expect(Jnp.matmul(Jnp.arange(3.0), X), "float32", false, shape(2, 4),
        20, 23, 26, 29, 56, 59, 62, 65);
    Value batched = Jnp.matmul(Jnp.expandDims(X, 1), Jnp.ones(3, 4, 2));
    assertEquals(Shape.of(2, 3, 3, 2), batched.shape());
    expect(Jnp.index(batched, Index.at(1), Index.at(2)), "float32", false, shape(3, 2),
        54, 54, 70, 70, 86, 86);
    // from jax 0.10.2: int32 @ float32 promotes; vector @ vector is a scalar
    expect(Jnp.matmul(Jnp.arange(3), Jnp.arange(3.0)), "float32", false, shape(), 5);
    expect(Jnp.matmul(Jnp.zeros(2, 0), Jnp.zeros(0, 3)), "float32", false, shape(2, 3),
        0, 0, 0, 0, 0, 0);
  }

  @Test
  void matmulErrors() {
    fails(() -> Jnp.matmul(Jnp.ones(3), Jnp.ones(4)), "matmul", "(3,)", "(4,)");
    fails(() -> Jnp.matmul(Jnp.ones(2, 3), Jnp.ones(2, 3)), "matmul", "(2, 3)");
    fails(() -> Jnp.matmul(Jnp.ones(2, 2, 3), Jnp.ones(3, 3, 2)), "matmul", "(2, 2, 3)",
        "(3, 3, 2)");
    fails(() -> Jnp.matmul(Jnp.ones(), Jnp.ones(3)), "matmul", "ndim at least 1");
  }

  @Test
  void dot() {
    Value d = Jnp.dot(X, Jnp.reshape(Jnp.arange(8.0), 2, 4, 1));
    assertEquals(Shape.of(2, 3, 2, 1), d.shape());
    expect(Jnp.index(d, Index.at(1), Index.at(2)), "float32", false, shape(2, 1), 134, 478);
    expect(Jnp.dot(A, 2), "float32", false, shape(2, 3), 2, 4, 6, 8, 10, 12);
    expect(Jnp.dot(Jnp.arange(3.0), Jnp.arange(3.0)), "float32", false, shape(), 5);
    fails(() -> Jnp.dot(Jnp.ones(2, 3), Jnp.ones(2, 3)), "dot", "(2, 3)");
  }

  @Test
  void einsumCommonForms() {
    expect(Jnp.einsum("ij,jk->ik", A, AT), "float32", false, shape(2, 2), 14, 32, 32, 77);
    Value bik = Jnp.einsum("bij,bjk->bik", X, Jnp.swapaxes(X, 1, 2));
    expect(Jnp.index(bik, Index.at(1)), "float32", false, shape(3, 3),
        734, 950, 1166, 950, 1230, 1510, 1166, 1510, 1854);
    expect(Jnp.einsum("i,i->", Jnp.index(A, Index.at(0)), Jnp.index(A, Index.at(1))), "float32",
        false, shape(), 32);
    expect(Jnp.einsum("ij->ji", A), "float32", false, shape(3, 2), 1, 4, 2, 5, 3, 6);
    expect(Jnp.einsum("ij->", A), "float32", false, shape(), 21);
    expect(Jnp.einsum("i,j->ij", Jnp.index(A, Index.at(0)), Jnp.index(A, Index.at(1))),
        "float32", false, shape(3, 3), 4, 5, 6, 8, 10, 12, 12, 15, 18);
    expect(Jnp.einsum("bi,io->bo", A, AT), "float32", false, shape(2, 2), 14, 32, 32, 77);
  }

  @Test
  void einsumImplicitOutputsDiagonalsEllipsisAndChains() {
    expect(Jnp.einsum("ij,jk", A, AT), "float32", false, shape(2, 2), 14, 32, 32, 77);
    expect(Jnp.einsum("ba,ab", A, AT), "float32", false, shape(), 91);
    Value square = Jnp.index(A, Index.ALL, Index.slice(null, 2));
    expect(Jnp.einsum("ii->i", square), "float32", false, shape(2), 1, 5);
    expect(Jnp.einsum("ii", square), "float32", false, shape(), 6);
    expect(Jnp.einsum("...j,j->...", X, Jnp.arange(4.0)), "float32", false, shape(2, 3),
        14, 38, 62, 86, 110, 134);
    expect(Jnp.einsum("ij,jk,kl->il", A, AT, A), "float32", false, shape(2, 3),
        142, 188, 234, 340, 449, 558);
    expect(Jnp.einsum("i,i", Jnp.arange(3), Jnp.arange(3)), "int32", false, shape(), 5);
  }

  @Test
  void einsumErrors() {
    fails(() -> Jnp.einsum("ij,jk->ik", Jnp.ones(2, 3), Jnp.ones(4, 5)), "einsum",
        "label 'j'", "(3)", "(4)");
    fails(() -> Jnp.einsum("ijk->i", Jnp.ones(2, 3)), "einsum", "rank 2", "'ijk'");
    fails(() -> Jnp.einsum("ij,jk->ik", Jnp.ones(2, 3)), "einsum", "2 operands", "1 were given");
    fails(() -> Jnp.einsum("ij->iz", Jnp.ones(2, 3)), "einsum", "'z'");
    fails(() -> Jnp.einsum("ij->ii", Jnp.ones(2, 3)), "einsum", "more than once");
  }
}
