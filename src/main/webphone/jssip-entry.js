// The one module the browser phone (common/phone.js) imports: JsSIP as an ES module (the npm package is CommonJS).
import JsSIP from 'jssip';
export default JsSIP;
