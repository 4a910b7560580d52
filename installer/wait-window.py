#!/usr/bin/env python3
"""Starts a program and reports when its first top-level window with a matching title is mapped.

    wait-window.py TITLE_REGEX TIMEOUT_S LOG_FILE COMMAND [ARG...]

Used by smoke-test.sh to time "start to first window" without polling: it listens for MapNotify events on the
root window (Xlib through ctypes; no window manager needed, so top-level windows are the root's children), which
costs the app nothing, where `xdotool search` in a loop starts a process and walks the window tree 20 times a
second on the same two cores. The command is started in its own session (like setsid) after the listener is in
place, with its output going to LOG_FILE. Prints one line "PID WINDOW_ID MILLISECONDS" as soon as the window is
mapped, then waits for the program and exits with its exit status (128 + N after signal N), so a shell that runs
this in the background gets the program's status from `wait`. Exits 1 with a message if the program exits before
showing the window or nothing appears within TIMEOUT_S.
"""
import ctypes
import ctypes.util
import os
import re
import select
import subprocess
import sys
import time

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
PROPERTY_CHANGE_MASK = 1 << 22
PROPERTY_NOTIFY = 28


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    title = re.compile(sys.argv[1])
    timeout = float(sys.argv[2])
    log = open(sys.argv[3], "ab")
    command = sys.argv[4:]

    x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XInternAtom.restype = ctypes.c_ulong
    x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x.XPending.argtypes = [ctypes.c_void_p]
    x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    x.XConnectionNumber.argtypes = [ctypes.c_void_p]
    x.XFlush.argtypes = [ctypes.c_void_p]
    x.XFree.argtypes = [ctypes.c_void_p]
    x.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
        ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]

    display = x.XOpenDisplay(None)
    if not display:
        sys.exit("cannot open display " + os.environ.get("DISPLAY", "(DISPLAY not set)"))
    root = x.XDefaultRootWindow(display)
    net_wm_name = x.XInternAtom(display, b"_NET_WM_NAME", 0)
    wm_name = x.XInternAtom(display, b"WM_NAME", 0)
    x.XSelectInput(display, root, SUBSTRUCTURE_NOTIFY_MASK)
    x.XFlush(display)

    def name_of(window):
        for atom in (net_wm_name, wm_name):
            actual, fmt = ctypes.c_ulong(), ctypes.c_int()
            count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
            status = x.XGetWindowProperty(display, window, atom, 0, 1024, 0, 0, ctypes.byref(actual),
                                          ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after),
                                          ctypes.byref(data))
            if status == 0 and data.value:
                text = ctypes.string_at(data.value, count.value).decode("utf-8", "replace")
                x.XFree(data)
                if text:
                    return text
        return ""

    started = time.time()
    process = subprocess.Popen(command, start_new_session=True, stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT)
    mapped = []          # mapped top-level windows whose title was not (yet) a match
    fd = x.XConnectionNumber(display)
    event = XEvent()
    while True:
        while x.XPending(display):
            x.XNextEvent(display, ctypes.byref(event))
            window = None
            if event.type == MAP_NOTIFY:
                # XMapEvent on 64 bits: type, serial, send_event, display, event, window: the 6th long
                window = event.pad[5]
                x.XSelectInput(display, window, PROPERTY_CHANGE_MASK)   # a title set after mapping
                mapped.append(window)
            elif event.type == PROPERTY_NOTIFY:
                window = event.pad[4]   # XPropertyEvent: type, serial, send_event, display, window
            if window is not None and window in mapped and title.search(name_of(window)):
                elapsed = int((time.time() - started) * 1000)
                print(f"{process.pid} {window} {elapsed}", flush=True)
                x.XCloseDisplay(display)
                status = process.wait()
                return status if status >= 0 else 128 - status
        if process.poll() is not None:
            print(f"the program exited with status {process.returncode} before showing a window", file=sys.stderr)
            return 1
        left = started + timeout - time.time()
        if left <= 0:
            print(f"no window titled like '{sys.argv[1]}' within {timeout:g} s", file=sys.stderr)
            return 1
        select.select([fd], [], [], min(left, 0.1))


if __name__ == "__main__":
    sys.exit(main())
