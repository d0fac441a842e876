"""What `flaxj run`, `flaxj doctest` and the `flaxj` prompt do, in Python (called from
dev.flaxj.python.PythonSession)."""

import sys
import types
import traceback

_INTERNAL = 'flaxj-python/'


def _fresh_main(path):
    module = types.ModuleType('__main__')
    module.__file__ = path
    module.__builtins__ = __builtins__
    sys.modules['__main__'] = module
    return module


def _user_frames(tb):
    """The traceback without frames of flaxj's own Python packages (as JAX hides its internals)."""
    frames = traceback.extract_tb(tb)
    kept = [f for f in frames if not f.filename.startswith(_INTERNAL)]
    return kept or frames


def print_exception(exc, file=None):
    file = sys.stderr if file is None else file
    lines = []
    chain = []
    e = exc
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ if e.__cause__ is not None else (
            None if e.__suppress_context__ else e.__context__)
    for i, e in enumerate(reversed(chain)):
        if i:
            lines.append('\nThe above exception was the direct cause of the following exception:\n\n'
                         if e.__cause__ is chain[len(chain) - i] else
                         '\nDuring handling of the above exception, another exception occurred:\n\n')
        if e.__traceback__ is not None:
            lines.append('Traceback (most recent call last):\n')
            lines.extend(traceback.format_list(_user_frames(e.__traceback__)))
        lines.extend(traceback.format_exception_only(type(e), e))
    file.write(''.join(lines))
    file.flush()


def _exit_code(e):
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + '\n')
    return 1


def run_file(path, argv):
    """`python path *argv`: returns the exit code."""
    path = str(path)
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write("flaxj: can't open file %r: [Errno %s] %s\n"
                         % (path, e.errno, e.strerror or e))
        return 2
    sys.argv = [path] + [str(a) for a in argv]
    module = _fresh_main(path)
    try:
        code = compile(source, path, 'exec', dont_inherit=True)
        exec(code, module.__dict__)
    except SystemExit as e:
        return _exit_code(e)
    except KeyboardInterrupt as e:
        print_exception(e)
        return 130
    except BaseException as e:
        print_exception(e)
        return 1
    finally:
        _flush()
    return 0


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def exec_source(name, source):
    """Runs `source` in fresh globals (a module named `name`); returns the globals."""
    module = types.ModuleType(str(name))
    module.__builtins__ = __builtins__
    exec(compile(str(source), str(name), 'exec', dont_inherit=True), module.__dict__)
    return module.__dict__


def doctest_files(*paths):
    """`python -m doctest` over the files; prints failures and `N passed, M failed`."""
    import doctest
    passed = failed = 0
    for path in paths:
        path = str(path)
        try:
            if path.endswith('.py'):
                tests = _module_tests(path)
            else:
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                name = path.rsplit('/', 1)[-1]
                tests = [doctest.DocTestParser().get_doctest(text, {'__name__': '__main__'},
                                                             name, path, 0)]
        except OSError as e:
            sys.stderr.write("flaxj: can't open file %r: %s\n" % (path, e.strerror or e))
            failed += 1
            continue
        except BaseException as e:
            print_exception(e)
            failed += 1
            continue
        runner = doctest.DocTestRunner(verbose=False, optionflags=0)
        for test in tests:
            runner.run(test, out=sys.stdout.write)
        results = runner.summarize(verbose=False)
        failed += results.failed
        passed += results.attempted - results.failed
    print('%d passed, %d failed' % (passed, failed))
    _flush()
    return failed


def _module_tests(path):
    import doctest
    import importlib.util
    name = path.rsplit('/', 1)[-1][:-3]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return doctest.DocTestFinder().find(module, name)


def repl():
    """The interactive prompt."""
    import code
    module = _fresh_main('<stdin>')
    sys.argv = ['']
    console = code.InteractiveConsole(module.__dict__, filename='<stdin>')
    banner = ('flaxj %s on GraalPy (Python %s); jax and flax are importable. exit() or Ctrl-D quits.'
              % (_version(), sys.version.split()[0]))
    try:
        console.interact(banner=banner, exitmsg='')
    except SystemExit as e:
        return _exit_code(e)
    return 0


def _version():
    try:
        import jax
        return jax.__version__
    except Exception:
        return '?'
