module.exports = { displayName: 'surveys', preset: '../../jest.preset.js', rootDir: __dirname };
