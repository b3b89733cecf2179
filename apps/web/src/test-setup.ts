import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

process.env.TZ = 'UTC';
// jsdom lacks these; react-router reads them when it loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });
