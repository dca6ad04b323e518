#!/usr/bin/env python3
"""stallproxy.py - a loopback TCP proxy that can cut a client off.

    stallproxy.py LISTEN_PORT_FILE TARGET_HOST TARGET_PORT

Listens on 127.0.0.1 (an ephemeral port, written to LISTEN_PORT_FILE once
listening) and forwards every connection byte for byte to TARGET (TLS passes
through untouched, so a kubeconfig only needs its server port changed).
Signals steer it:

    SIGUSR1  stall: stop forwarding in both directions without closing
             anything; new connections are accepted and held. Bytes wait in
             the kernel's socket buffers, exactly as behind a dead link.
    SIGUSR2  resume: forward again, buffered bytes first.
    SIGHUP   close: reset every open connection (the peers see ECONNRESET)
             and resume forwarding for new ones.

Each state change is logged on stdout with a monotonic timestamp. The
proxy never exits on its own; SIGTERM or SIGKILL ends it.
"""
import asyncio
import os
import signal
import socket
import struct
import sys
import time

T0 = time.monotonic()


def log(msg):
    print("%.3f %s" % (time.monotonic() - T0, msg), flush=True)


class Proxy:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.conns = set()  # (client writer, upstream writer)
        self.accepted = 0

    async def pump(self, reader, writer):
        """Copies reader to writer while flowing; waits (reading nothing)
        while stalled, so the sender's buffers fill as on a dead link."""
        try:
            while True:
                await self.flowing.wait()
                data = await reader.read(65536)
                if not data:
                    break
                # A stall that began during the read holds this chunk too.
                await self.flowing.wait()
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError, asyncio.CancelledError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    async def handle(self, creader, cwriter):
        self.accepted += 1
        await self.flowing.wait()
        try:
            ureader, uwriter = await asyncio.open_connection(self.host, self.port)
        except OSError as e:
            log("upstream connect failed: %s" % e)
            cwriter.close()
            return
        pair = (cwriter, uwriter)
        self.conns.add(pair)
        try:
            await asyncio.gather(self.pump(creader, uwriter), self.pump(ureader, cwriter))
        finally:
            self.conns.discard(pair)

    def stall(self):
        self.flowing.clear()
        log("stall (%d open connections)" % len(self.conns))

    def resume(self):
        self.flowing.set()
        log("resume (%d open connections)" % len(self.conns))

    def close_all(self):
        n = len(self.conns)
        for pair in list(self.conns):
            for w in pair:
                sock = w.get_extra_info("socket")
                try:
                    # SO_LINGER 0: close sends RST, as a dropped NAT entry would.
                    if sock is not None:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    w.transport.abort()
                except Exception:
                    pass
        self.conns.clear()
        self.flowing.set()
        log("close (%d connections reset), forwarding again" % n)


async def main():
    port_file, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    p = Proxy(host, port)
    server = await asyncio.start_server(p.handle, "127.0.0.1", 0)
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, p.stall)
    loop.add_signal_handler(signal.SIGUSR2, p.resume)
    loop.add_signal_handler(signal.SIGHUP, p.close_all)
    lport = server.sockets[0].getsockname()[1]
    with open(port_file + ".tmp", "w") as f:
        f.write("%d\n" % lport)
    os.rename(port_file + ".tmp", port_file)
    log("listening on 127.0.0.1:%d -> %s:%d" % (lport, host, port))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
