'use client';
export * from './core/index.js';
export * from './react/index.js';
export * from './components/index.js';
