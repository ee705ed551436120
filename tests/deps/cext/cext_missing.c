/* A C extension that calls PyObject_GC_IsFinalized, which PyPy 7.3's cpyext does not provide:
   it compiles against PyPy's headers (with an implicit-declaration warning) and fails at import. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifdef PYPY_VERSION
int PyObject_GC_IsFinalized(PyObject*); /* declared by hand: PyPy's headers lack it */
#endif

static PyObject* finalized(PyObject* self, PyObject* arg) {
  (void)self;
  return PyBool_FromLong(PyObject_GC_IsFinalized(arg));
}

static PyMethodDef methods[] = {
    {"finalized", finalized, METH_O, "Whether the object's finaliser already ran."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "cext_missing", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_cext_missing(void) {
  return PyModule_Create(&module);
}
