/* Plain C without the Python C API: nothing to report, even with words like ob_refcnt in
 * comments and a struct field of the same name. */
struct counted { long ob_refcnt; };

long bump(struct counted *c) {
    return ++c->ob_refcnt;
}
