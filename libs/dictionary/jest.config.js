module.exports = { displayName: 'dictionary', preset: '../../jest.preset.js', rootDir: __dirname };
