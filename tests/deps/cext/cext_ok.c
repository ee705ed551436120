/* A C extension that uses only C API that PyPy's cpyext provides. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject* add(PyObject* self, PyObject* args) {
  long a, b;
  (void)self;
  if (!PyArg_ParseTuple(args, "ll", &a, &b)) return NULL;
  return PyLong_FromLong(a + b);
}

static PyObject* pair(PyObject* self, PyObject* arg) {
  PyObject* list = PyList_New(0);
  (void)self;
  if (list == NULL) return NULL;
  if (PyList_Append(list, arg) < 0 || PyList_Append(list, arg) < 0) {
    Py_DECREF(list);
    return NULL;
  }
  return list;
}

static PyMethodDef methods[] = {
    {"add", add, METH_VARARGS, "Add two integers."},
    {"pair", pair, METH_O, "A list holding the argument twice."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "cext_ok", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_cext_ok(void) {
  return PyModule_Create(&module);
}
