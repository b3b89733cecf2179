import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; react-router reads them when it loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });
// Dates and numbers follow the browser's language: tests read them in one fixed locale (as the e2e browser does).
Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => 'en-GB' });
