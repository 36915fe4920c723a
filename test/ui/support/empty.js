// Style modules and animation players have nothing to do in jsdom.
module.exports = {}
