# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import contextlib
import platform
import socket
import sqlite3
import subprocess
import sys
import tempfile as tf
import zipfile
from concurrent.futures import ThreadPoolExecutor as Executor
from multiprocessing import Pool
from urllib.request import urlopen


def leaked_socket(host):
    sock = socket.create_connection((host, 80))  # expect: PPY004
    sock.sendall(b"GET / HTTP/1.0\r\n\r\n")
    return sock.recv(100)


def dropped_temporary_file():
    tf.NamedTemporaryFile()  # expect: PPY004


def dropped_temporary_name():
    return tf.NamedTemporaryFile(delete=False).name  # expect: PPY004


def process_never_waited(command):
    process = subprocess.Popen(command, stdout=subprocess.PIPE)  # expect: PPY004
    return process.stdout.readline()


def fire_and_forget(command):
    subprocess.Popen(command)  # expect: PPY004


def sqlite_with_only_commits(path):
    with sqlite3.connect(path) as connection:  # expect: PPY004
        connection.execute("create table t (x)")


def sqlite_closed(path):
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("create table t (x)")
    finally:
        connection.close()


def archive_closed_unsafely(path):
    archive = zipfile.ZipFile(path)  # expect: PPY004
    names = archive.namelist()
    archive.close()
    return names


def socket_pair():
    left, right = socket.socketpair()  # expect: PPY004
    left.close()
    return right.recv(1)


def executor_in_loop(jobs):
    for job in jobs:
        pool = Executor(4)  # expect: PPY004
        pool.submit(job)


def response_kept(url):
    response = urlopen(url)  # expect: PPY004
    return response.status


def response_read(url):
    return urlopen(url).read()


def with_forms(url, path):
    with urlopen(url) as response, tf.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(tmp)
        return response.read()


def closing_form(host):
    with contextlib.closing(socket.socket()) as sock:
        sock.connect((host, 80))


def waited(command):
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    out, _ = process.communicate()
    return out


def pool_closed(items):
    pool = Pool(2)
    try:
        return pool.map(str, items)
    finally:
        pool.close()


def returned_socket():
    sock = socket.socket()
    sock.setblocking(False)
    return sock


def handed_over(server_class, address):
    sock = socket.socket()
    return server_class(sock, address)


def cpython_only(host):
    if sys.implementation.name == "cpython":
        socket.create_connection((host, 80))


def guarded_by_import_error(command):
    try:
        subprocess.Popen(command)  # expect: PPY004
    except ImportError:
        pass


def pypy_branch(command):
    if platform.python_implementation() != "PyPy":
        subprocess.Popen(command)


class Client:
    def __init__(self, host):
        self.sock = socket.create_connection((host, 80))

    def close(self):
        self.sock.close()


class Forgetful:
    def __init__(self, path):
        self.db = sqlite3.connect(path)  # expect: PPY004

    def query(self):
        return self.db.execute("select 1").fetchall()


def expected_failure(self):
    with self.assertRaises(OSError):
        socket.create_server(("localhost", 0), reuse_port=True)


def probe(data):
    try:
        zipfile.ZipFile(data)
    except zipfile.BadZipFile:
        return False
    return True


def mocked(self, mock, cases):
    with mock.patch.object(subprocess.Popen, "_execute_child"):
        for command in cases:
            process = subprocess.Popen(command)
            self.assertIsNotNone(process)


def waited_after_branch(command, close):
    if close:
        process = subprocess.Popen(command, close_fds=True)
    else:
        process = subprocess.Popen(command)
    return not process.wait()
