/* A C extension that reaches into CPython-only struct fields: it does not compile against PyPy's
   headers (PyThreadState has no `frame` member there). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

static PyObject* depth(PyObject* self, PyObject* arg) {
  PyThreadState* ts = PyThreadState_Get();
  (void)self;
  (void)arg;
  return PyLong_FromLong(ts->frame != NULL);
}

static PyMethodDef methods[] = {
    {"depth", depth, METH_O, "Whether a Python frame is running."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "cext_internal", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_cext_internal(void) {
  return PyModule_Create(&module);
}
