/* A CPython extension with the constructs cpyext cannot honour. The string "Python.h" and
 * _Py_IDENTIFIER inside this comment are not code and must not fire. */
#define PY_SSIZE_T_CLEAN
#include <Python.h> /* expect: PPY033 */
#include <frameobject.h>

typedef struct {
    PyObject_HEAD
    long count;
} Counter;

static PyNumberMethods counter_as_number;

static PyTypeObject CounterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "counter.Counter",
    .tp_basicsize = sizeof(Counter),
    .tp_as_number = &counter_as_number,
};

static PyObject *
counter_steal(PyObject *self, PyObject *arg)
{
    if (Py_REFCNT(arg) == 1) {  /* expect: PPY033 */
        Py_INCREF(arg);
    }
    if (arg->ob_refcnt > 2) {  /* expect: PPY033 */
        return NULL;
    }
    const char *message = "arg->ob_refcnt in a string is not code";
    (void)message;
    return PyList_GET_ITEM(arg, 0);  /* expect: PPY033 */
}

static PyObject *
counter_caller_line(PyObject *self, PyObject *unused)
{
    PyFrameObject *frame = PyEval_GetFrame();
    int last = frame->f_lasti;  /* expect: PPY033 */
    int line = frame->f_lineno;
    return PyLong_FromLong(line + last);
}

static PyObject *
counter_lookup(PyObject *self, PyObject *name)
{
    _Py_IDENTIFIER(lookup);  /* expect: PPY033 */
    PyObject *found = _PyObject_LookupSpecial(self, &PyId_lookup);  /* expect: PPY033 */
    if (Py_TYPE(self) == &CounterType) {
        self->ob_type = &PyBaseObject_Type;  /* expect: PPY033 */
    }
    return _PyObject_CAST(found);
}

static PyMethodDef counter_methods[] = {
    {"steal", counter_steal, METH_O, NULL},
    {"caller_line", counter_caller_line, METH_NOARGS, NULL},
    {"lookup", counter_lookup, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef counter_module = {PyModuleDef_HEAD_INIT, "counter", NULL, -1, counter_methods};

PyMODINIT_FUNC
PyInit_counter(void)
{
    if (PyType_Ready(&CounterType) < 0) {
        return NULL;
    }
    CounterType.tp_as_number = &counter_as_number;  /* expect: PPY033 */
    if (CounterType.tp_as_number == NULL) {
        return NULL;
    }
    return PyModule_Create(&counter_module);
}
