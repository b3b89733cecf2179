module.exports = { displayName: 'reports', preset: '../../jest.preset.js', rootDir: __dirname };
