module.exports = { displayName: 'org-chart-layout', preset: '../../jest.preset.js', rootDir: __dirname };
