# Installs the import hook that serves flaxj's Python packages (jax, flax, the runtime) from the
# Java resources, and the module `_flaxj_host` holding the Java facades (see dev.flaxj.python.Bridges).
# Evaluated once per context by dev.flaxj.python.PythonSession.

def _flaxj_install(resources, facades):
    import sys
    import types
    import importlib.abc
    import importlib.util

    class ResourceLoader(importlib.abc.InspectLoader):
        def __init__(self, path):
            self.path = path

        def get_source(self, fullname):
            return str(resources.source(self.path))

        def get_filename(self, fullname):
            return self.path

        def is_package(self, fullname):
            return self.path.endswith('/__init__.py')

        def get_code(self, fullname):
            return compile(self.get_source(fullname), self.path, 'exec', dont_inherit=True)

        def exec_module(self, module):
            exec(self.get_code(module.__name__), module.__dict__)

    class ResourceFinder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            found = resources.path(fullname)
            if found is None:
                return None
            found = str(found)
            loader = ResourceLoader(found)
            return importlib.util.spec_from_loader(
                fullname, loader, origin=found, is_package=loader.is_package(fullname))

    _close_process_and_network(sys)
    host = types.ModuleType('_flaxj_host', 'The Java facades published to Python.')
    for name in facades:
        setattr(host, str(name), facades[name])
    sys.modules['_flaxj_host'] = host
    sys.meta_path.insert(0, ResourceFinder())


def _close_process_and_network(sys):
    """The context already refuses processes and sockets; this makes the refusal an ordinary
    Python error (PermissionError, ImportError for socket) instead of an internal one."""
    import os

    def refused(*args, **kwargs):
        raise PermissionError(1, 'flaxj sandbox: creating processes is not allowed')

    for name in ('system', 'fork', 'forkpty', 'popen', 'posix_spawn', 'posix_spawnp', 'execv',
                 'execve', 'execl', 'execle', 'execlp', 'execlpe', 'execvp', 'execvpe', 'spawnv',
                 'spawnve', 'spawnl', 'spawnle', 'spawnlp', 'spawnvp', 'kill', 'killpg'):
        if hasattr(os, name):
            setattr(os, name, refused)
    # `import socket` (and what needs it) raises ImportError: there is no network.
    sys.modules['_socket'] = None
    sys.modules['_ssl'] = None
