/**
 * Flax's lifted transforms over Java modules ({@code flax/linen/transforms.py}).
 *
 * <p>One mechanism, {@link dev.flaxj.linen.transforms.LinenLift}, turns a core lift (a function
 * of a scope tree, {@code dev.flaxj.core}) into the three forms Flax offers:
 * <ul>
 *   <li>class form ({@code nn.scan(nn.LSTMCell, ...)}): {@link ModuleTransform#module} constructs
 *   a {@link Lifted} module, auto-named after the transformed class ({@code ScanLSTMCell_0}),
 *   whose {@code call} (and the methods chosen with {@code methods}) run lifted;
 *   <li>function form ({@code nn.scan(body_fn, ...)(cell, carry, x)}): {@link
 *   ModuleTransform#function} lifts a {@link dev.flaxj.linen.ModuleMethod} whose first argument
 *   is a bound module;
 *   <li>method form ({@code @nn.checkpoint} on {@code __call__}): a module returns the transform
 *   from {@link dev.flaxj.linen.Module#forwardTransform()}.
 * </ul>
 * Inside the transform the module is copied and bound directly to the inner scope (no extra path
 * component); bound modules and variables among the arguments are lifted with it.
 *
 * <h2>Adding a transform</h2>
 * <ol>
 *   <li>For a transform of a module class, function or method (vmap, scan, jit, map_variables
 *   ...): subclass {@link ModuleTransform}, hold the keyword arguments in fields with builder
 *   setters, and implement {@link ModuleTransform#lift} by building the core lift on the given
 *   function, e.g. {@code return LiftVmap.vmap()....buildTree(fn);}. Override
 *   {@link ModuleTransform#multiScope} to return false where Flax passes {@code multi_scope=False}.
 *   The class gets {@code module}, {@code function}, {@code methods} and the method form for free.
 *   <li>For a call-style transform {@code t(fn..., mdl, *args)} (cond, switch, while_loop, jvp,
 *   vjp, value_and_grad): write a static method that calls {@link LinenLift#direct} with the
 *   transform's name, a function from the lifted core functions (one per {@code fn}) to the core
 *   lift, the functions, the module and the arguments.
 * </ol>
 */
package dev.flaxj.linen.transforms;
