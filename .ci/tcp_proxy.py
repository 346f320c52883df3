#!/usr/bin/env python3
"""A TCP proxy for the interrupted-push test: 127.0.0.1:LISTEN -> 127.0.0.1:TARGET.

Killing it cuts every connection through it at once, as a server dying mid-push
does, while the S3 server behind it (moto keeps its objects in memory) keeps what
it had fully received; starting it again brings the "server" back with that state.

Usage: tcp_proxy.py LISTEN_PORT TARGET_PORT
"""
import asyncio, sys

listen, target = int(sys.argv[1]), int(sys.argv[2])


async def pipe(reader, writer):
    try:
        while data := await reader.read(1 << 16):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", listen, reuse_address=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
