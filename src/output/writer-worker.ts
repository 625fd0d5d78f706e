/**
 * Worker-thread side of the file writer (writer-thread.ts): receives the text of files piece by piece
 * and writes it, so that encoding to UTF-8 and the write calls happen on the second core. Files are
 * written in the order they are opened; each answers once, when it is closed or has failed.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { WriterMessage, WriterReply } from './writer-thread.js';

interface OpenFile {
  fd?: number;
  error?: NodeJS.ErrnoException;
}

const files = new Map<number, OpenFile>();

function fail(file: OpenFile, error: unknown): void {
  file.error ??= error as NodeJS.ErrnoException;
  if (file.fd !== undefined) {
    try {
      closeSync(file.fd);
    } catch {
      // The first error is the one worth reporting.
    }
    file.fd = undefined;
  }
}

parentPort!.on('message', (message: WriterMessage) => {
  if (message.kind === 'open') {
    const file: OpenFile = {};
    files.set(message.file, file);
    try {
      file.fd = openSync(message.path, 'w');
    } catch (error) {
      fail(file, error);
    }
    return;
  }
  const file = files.get(message.file)!;
  if (message.kind === 'text') {
    if (file.fd === undefined) return;
    try {
      // At the descriptor's position, all of it (writeFileSync repeats partial writes).
      writeFileSync(file.fd, message.parts.join(''));
    } catch (error) {
      fail(file, error);
    }
    return;
  }
  if (file.fd !== undefined) {
    try {
      closeSync(file.fd);
    } catch (error) {
      fail(file, error);
    }
  }
  files.delete(message.file);
  const { error } = file;
  const reply: WriterReply = error
    ? { file: message.file, ok: false, message: error.message, code: error.code, syscall: error.syscall, path: error.path }
    : { file: message.file, ok: true };
  parentPort!.postMessage(reply);
});
