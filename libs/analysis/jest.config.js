module.exports = { displayName: 'analysis', preset: '../../jest.preset.js', rootDir: __dirname };
